/** Shared picocli mixins: finding and calling the daemon (ApiOptions, DaemonClient) and --json output. */
package venus.market.cli.options;
