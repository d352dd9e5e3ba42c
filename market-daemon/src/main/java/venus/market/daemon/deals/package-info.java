/**
 * The provider deal state machine: the go-fil-markets provider transition table over
 * {@link venus.market.core.storagemarket.StorageDealStatus}, the deal record with its append-only transition
 * history, and its crash-safe persistence (every transition is durable before its side effect runs).
 */
package venus.market.daemon.deals;
