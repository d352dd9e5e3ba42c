/** Text output like the Go tools: tab-aligned tables, lotus size and FIL formats. */
package venus.market.cli.render;
