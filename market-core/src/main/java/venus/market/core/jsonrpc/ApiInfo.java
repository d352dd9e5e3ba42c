package venus.market.core.jsonrpc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A node's API address and token, as in FULLNODE_API_INFO, --node-url flags and the {@code
 * api}/{@code token} files: {@code TOKEN:/ip4/127.0.0.1/tcp/1234/http}, a bare multiaddr, or a URL
 * ({@code http://host:port}). Split like lotus: the token is everything before the first ':' unless
 * the string starts with '/' or the ':' begins "://".
 *
 * @param token the bearer token, or null
 * @param address a multiaddr or URL
 */
public record ApiInfo(String token, String address) {
  private static final Pattern RPC_SUFFIX = Pattern.compile(".*/rpc/v\\d+/?$");

  public ApiInfo {
    if (address == null || address.isBlank()) {
      throw new ApiInfoException("API info has no address");
    }
    token = token == null || token.isEmpty() ? null : token;
  }

  public static ApiInfo parse(String info) {
    if (info == null || info.isBlank()) {
      throw new ApiInfoException(
          "empty API info (expected TOKEN:/ip4/<host>/tcp/<port>[/http] or a URL)");
    }
    String s = info.strip();
    String token = null;
    if (!s.startsWith("/")) {
      int idx = s.indexOf(':');
      if (idx > 0 && !s.startsWith("//", idx + 1)) {
        token = s.substring(0, idx);
        s = s.substring(idx + 1);
      }
    }
    return new ApiInfo(token, s);
  }

  /** Several comma-separated API infos (lotus accepts a list for redundant nodes). */
  public static List<ApiInfo> parseMulti(String infos) {
    List<ApiInfo> out = new ArrayList<>();
    for (String one : infos.split(",")) {
      out.add(parse(one));
    }
    return out;
  }

  /** The HTTP JSON-RPC endpoint, e.g. http://127.0.0.1:1234/rpc/v1 for version "v1". */
  public URI httpUrl(String version) {
    return endpoint(version, false);
  }

  /** The websocket endpoint, e.g. ws://127.0.0.1:1234/rpc/v1. */
  public URI wsUrl(String version) {
    return endpoint(version, true);
  }

  /** "host:port" (IPv6 in brackets). */
  public String hostPort() {
    return address.startsWith("/")
        ? Multiaddrs.toHostPort(address).hostPort()
        : parseUrl(address).getRawAuthority();
  }

  private URI endpoint(String version, boolean websocket) {
    if (address.startsWith("/")) {
      Multiaddrs.HostPort hp = Multiaddrs.toHostPort(address);
      String scheme = websocket ? (hp.secure() ? "wss" : "ws") : (hp.secure() ? "https" : "http");
      return URI.create(scheme + "://" + hp.hostPort() + "/rpc/" + version);
    }
    URI url = parseUrl(address);
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    boolean secure = scheme.equals("https") || scheme.equals("wss");
    String outScheme = websocket ? (secure ? "wss" : "ws") : (secure ? "https" : "http");
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    // A URL that already names the RPC path (--node-url http://h:p/rpc/v1) is used as given.
    if (!RPC_SUFFIX.matcher(path).matches()) {
      path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/rpc/" + version;
    }
    return URI.create(outScheme + "://" + url.getRawAuthority() + path);
  }

  private static URI parseUrl(String address) {
    URI url;
    try {
      url = new URI(address);
    } catch (URISyntaxException e) {
      throw new ApiInfoException(
          "API address '" + address + "' is neither a multiaddr nor a URL: " + e.getMessage());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!List.of("http", "https", "ws", "wss").contains(scheme) || url.getRawAuthority() == null) {
      throw new ApiInfoException(
          "API address '"
              + address
              + "' must be a multiaddr (/ip4/<host>/tcp/<port>) or an http(s)/ws(s) URL with a"
              + " host");
    }
    return url;
  }

  @Override
  public String toString() {
    return (token == null ? "" : "<token>:") + address;
  }
}
