/** The repo directory (~/.venusmarket, --repo, VENUS_MARKET_PATH): config.toml, api, token, keystore/ (JWT secret, libp2p key), metadata/. Files are replaced atomically. */
package venus.market.daemon.repo;
