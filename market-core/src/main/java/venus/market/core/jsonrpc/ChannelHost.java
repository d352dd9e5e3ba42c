package venus.market.core.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/** A connection that can carry server-pushed channels (the websocket side). */
interface ChannelHost {
  /**
   * Creates a channel for request {@code requestId}, lets {@code opener} start it, and returns its
   * id plus the action that releases values queued so far; that action must run after the response
   * carrying the id is sent. If the opener throws, nothing is registered and the exception
   * propagates.
   */
  Opened openChannel(JsonNode requestId, Opener opener) throws Exception;

  @FunctionalInterface
  interface Opener {
    AutoCloseable open(ChannelSink sink) throws Exception;
  }

  record Opened(long channelId, Runnable activate) {}
}
