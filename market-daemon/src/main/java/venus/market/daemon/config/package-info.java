/** Typed, immutable config.toml model (MarketConfig and its sections), the TOML reader with key/value/allowed-values errors, the commented writer, and the solo-run flag overrides. Keys follow droplet's config.toml; per-miner [[StorageMiners]] overrides inherit unset keys. */
package venus.market.daemon.config;
