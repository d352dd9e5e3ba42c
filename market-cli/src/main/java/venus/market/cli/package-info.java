/** The venus-market command line: solo-run and the thin JSON-RPC commands. */
package venus.market.cli;
