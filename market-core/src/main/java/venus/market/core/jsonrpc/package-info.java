/**
 * JSON-RPC 2.0 in the Lotus dialect (go-jsonrpc): a server over Jetty 12 core (HTTP POST and
 * websocket on the same path), JWT permissions (read &lt; write &lt; sign &lt; admin), websocket
 * channel subscriptions ({@code xrpc.ch.val} / {@code xrpc.ch.close} / {@code xrpc.cancel}), HTTP
 * and websocket clients, and API-info ({@code TOKEN:/ip4/.../tcp/...}) parsing.
 */
package venus.market.core.jsonrpc;
