/** The storage ask: set (signed by the worker key, SeqNo incremented), stored in the metadata store, served on /fil/storage/ask/1.1.0 and 1.0.1. */
package venus.market.daemon.ask;
