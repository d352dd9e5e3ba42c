package venus.market.daemon.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** A client's deal-data HTTP server on 127.0.0.1 (Jetty): bearer token per deal, Range, request log, faults. */
public final class CarHttpServer implements AutoCloseable {
  public final CarOffers offers = new CarOffers();
  private final Server server;
  private final ServerConnector connector;

  public CarHttpServer() throws Exception {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract(Handler.AbstractContainer.InvocationType.BLOCKING) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        serve(request, response, callback);
        return true;
      }
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + connector.getLocalPort() + path;
  }

  private void serve(Request request, Response response, Callback callback) throws IOException {
    String path = Request.getPathInContext(request);
    int status = offers.check(path, request.getHeaders().get(HttpHeader.AUTHORIZATION));
    if (status != 200) {
      offers.logged(new CarOffers.Served(path, 0, status, 0));
      response.setStatus(status);
      Content.Sink.write(response, true, status == 401 ? "bad token\n" : "no such deal\n", callback);
      return;
    }
    CarOffers.Offer o = offers.offers.get(path);
    long size = Files.size(o.car());
    long[] range = offers.ignoreRange ? null : CarOffers.range(request.getHeaders().get(HttpHeader.RANGE), size);
    long first = range == null ? 0 : range[0];
    long length = range == null ? size : range[1] - range[0] + 1;
    int code = range == null ? 200 : 206;
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
    response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
    if (range != null) {
      response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + range[0] + "-" + range[1] + "/" + size);
    }
    CarOffers.Served[] record = new CarOffers.Served[1];
    // Not closed on failure: closing would complete the response; failing the callback aborts the connection.
    OutputStream out = Content.Sink.asOutputStream(response);
    try {
      offers.serve(o.car(), first, length, out, record, path, code);
      out.close();
    } catch (IOException e) {
      offers.logged(record[0]);
      callback.failed(e);
      return;
    }
    offers.logged(record[0]);
    callback.succeeded();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
