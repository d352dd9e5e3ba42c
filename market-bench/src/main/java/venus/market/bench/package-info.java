/** JMH benchmarks, each printed as a ratio to a physical limit measured in the same run. */
package venus.market.bench;
