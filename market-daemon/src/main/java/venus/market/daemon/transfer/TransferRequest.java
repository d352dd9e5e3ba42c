package venus.market.daemon.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * boost's transfer parameters for the "http" and "libp2p" transfer types (types.HttpRequest, JSON
 * {@code {"URL": ..., "Headers": {...}}}), as the client sent them. Go's JSON decoder matches field names without
 * regard to case, so this does too. The headers usually carry the client's token: {@link #toString()} and every
 * message built from this record leave them out.
 *
 * @param url {@code http(s)://...} or {@code libp2p://<multiaddr>/p2p/<peer id>}
 * @param headers request headers to send with every request
 */
public record TransferRequest(String url, Map<String, String> headers) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public TransferRequest {
    headers = Map.copyOf(headers);
  }

  /**
   * Parses the deal's transfer params.
   *
   * @throws TransferFailedException naming what is wrong (never echoing the params, which hold credentials)
   */
  public static TransferRequest parse(String params) throws TransferFailedException {
    JsonNode root;
    try {
      root = JSON.readTree(params);
    } catch (IOException e) {
      throw new TransferFailedException("the client's transfer parameters are not JSON (boost HttpRequest expected)");
    }
    if (root == null || !root.isObject()) {
      throw new TransferFailedException("the client's transfer parameters are not a JSON object with URL and Headers");
    }
    String url = null;
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      switch (f.getKey().toLowerCase(Locale.ROOT)) {
        case "url" -> url = f.getValue().isTextual() ? f.getValue().asText() : null;
        case "headers" -> {
          if (f.getValue().isObject()) {
            f.getValue().fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
          } else if (!f.getValue().isNull()) {
            throw new TransferFailedException("the client's transfer Headers are not a JSON object");
          }
        }
        default -> { }
      }
    }
    if (url == null || url.isBlank()) {
      throw new TransferFailedException("the client's transfer parameters have no URL");
    }
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (!h.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || h.getValue().matches("(?s).*[\\r\\n\\x00].*")) {
        throw new TransferFailedException("the client's transfer header " + safeName(h.getKey()) + " is not a valid "
            + "HTTP header");
      }
    }
    return new TransferRequest(url, headers);
  }

  /** The URL scheme in lower case ("http", "https", "libp2p"). */
  public String scheme() throws TransferFailedException {
    int i = url.indexOf("://");
    if (i <= 0) {
      throw new TransferFailedException("transfer URL " + redactedUrl() + " has no scheme");
    }
    return url.substring(0, i).toLowerCase(Locale.ROOT);
  }

  /** The URL without query and fragment (where tokens may hide), for logs and messages. */
  public String redactedUrl() {
    try {
      URI u = new URI(url);
      if (u.getRawQuery() == null && u.getRawFragment() == null && u.getRawUserInfo() == null) {
        return url;
      }
      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null) + "?…";
    } catch (URISyntaxException e) {
      int q = url.indexOf('?');
      return q < 0 ? url : url.substring(0, q) + "?…";
    }
  }

  private static String safeName(String name) {
    return name.length() > 40 || !name.matches("[\\x20-\\x7e]*") ? "(unprintable name)" : "\"" + name + "\"";
  }

  @Override
  public String toString() {
    return "TransferRequest[url=" + redactedUrl() + ", headers=" + headers.keySet() + "]";
  }
}
