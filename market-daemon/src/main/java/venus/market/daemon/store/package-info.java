/** The metadata key-value store (RocksDB in <repo>/metadata), synced writes, prefix scans. */
package venus.market.daemon.store;
