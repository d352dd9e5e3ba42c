/** Formats, crypto, commP, CAR/UnixFS, domain types and JSON-RPC plumbing. */
package venus.market.core;
