/** auth api-info / create-token. */
package venus.market.cli.provider.auth;
