/** Client of the lotus/venus full node (Filecoin.* over JSON-RPC, retried with capped backoff) and chain message sending (MpoolPushMessage, StateWaitMsg). */
package venus.market.daemon.node;
