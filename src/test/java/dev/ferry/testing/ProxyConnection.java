package dev.ferry.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.ferry.testing.Bodies.Framing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;

/** Serves one client connection: request after request while both sides keep it alive. */
final class ProxyConnection implements Runnable {

  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(ISO_8859_1);
  private static final int UPSTREAM_TIMEOUT_MILLIS = 120_000;

  private final FaultyProxy proxy;
  private final Socket client;
  private InputStream in;
  private OutputStream out;

  ProxyConnection(FaultyProxy proxy, Socket client) {
    this.proxy = proxy;
    this.client = client;
  }

  @Override
  public void run() {
    try {
      client.setTcpNoDelay(true);
      in = new BufferedInputStream(client.getInputStream());
      out = new BufferedOutputStream(client.getOutputStream());
      while (serveOne()) {
        out.flush();
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      // the client or the target went away; drop the connection
    } finally {
      proxy.untrack(client);
    }
  }

  /** Serves one request; whether the connection stays open for another. */
  private boolean serveOne() throws IOException {
    Optional<HttpHead> read = HttpHead.read(in);
    if (read.isEmpty()) {
      return false;
    }
    HttpHead head = acceptBody(read.get());
    byte[] body = readBody(head);
    long number = proxy.nextRequestNumber();
    Optional<Fault> fault = proxy.choose(new FaultyProxy.Request(head.method(), head.target()));
    if (fault.isEmpty()) {
      return forward(head, body);
    }
    return inject(fault.get(), head, body, number);
  }

  private HttpHead acceptBody(HttpHead head) throws IOException {
    if (!head.hasToken("Expect", "100-continue")) {
      return head;
    }
    out.write(CONTINUE);
    out.flush();
    return head.without("Expect");
  }

  private byte[] readBody(HttpHead head) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Bodies.copy(Bodies.requestFraming(head), head, in, body);
    return body.toByteArray();
  }

  private boolean inject(Fault fault, HttpHead request, byte[] body, long number)
      throws IOException {
    return switch (fault) {
      case INTERNAL_ERROR, SLOW_DOWN, ACCESS_DENIED -> answerError(fault, request, number);
      case RESET_BEFORE_RESPONSE -> resetAfter(request, body, 0);
      case RESET_MID_BODY -> resetAfter(request, body, 1);
      case STALL -> stallAfter(request, body);
    };
  }

  private boolean answerError(Fault fault, HttpHead request, long number) throws IOException {
    byte[] xml = fault.errorXml(number).getBytes(UTF_8);
    String head =
        "HTTP/1.1 "
            + fault.status()
            + " "
            + fault.reason()
            + "\r\nContent-Type: application/xml\r\nContent-Length: "
            + xml.length
            + "\r\nx-amz-request-id: faulty-proxy-"
            + number
            + "\r\n\r\n";
    out.write(head.getBytes(ISO_8859_1));
    if (!"HEAD".equals(request.method())) {
      out.write(xml);
    }
    return !request.hasToken("Connection", "close");
  }

  /**
   * Forwards, then resets. The target's response is read to its end first, before resetting or
   * (with {@code halves} 1) after relaying half of it, so the target finishes what it was asked:
   * S3Proxy abandons a CompleteMultipartUpload whose client goes away, where S3 would not.
   */
  private boolean resetAfter(HttpHead request, byte[] body, int halves) throws IOException {
    exchange(
        request,
        body,
        (head, response) ->
            halves > 0 ? relayHalf(request, head, response) : discard(request, head, response));
    reset();
    return false;
  }

  /** Relays the head and half a body of known length, then reads the rest without relaying. */
  private boolean relayHalf(HttpHead request, HttpHead head, InputStream response)
      throws IOException {
    head.writeTo(out);
    if (Bodies.responseFraming(request.method(), head) != Framing.LENGTH) {
      out.flush();
      return discard(request, head, response);
    }
    long half = head.contentLength() / 2;
    Bodies.copyExactly(response, out, half);
    out.flush();
    Bodies.copyExactly(response, OutputStream.nullOutputStream(), head.contentLength() - half);
    return false;
  }

  private boolean stallAfter(HttpHead request, byte[] body) throws IOException {
    exchange(request, body, (head, response) -> discard(request, head, response));
    try {
      Thread.sleep(proxy.stall().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private static boolean discard(HttpHead request, HttpHead head, InputStream response)
      throws IOException {
    Framing framing = Bodies.responseFraming(request.method(), head);
    Bodies.copy(framing, head, response, OutputStream.nullOutputStream());
    return false;
  }

  /** Forwards faithfully; whether the connection may serve another request. */
  private boolean forward(HttpHead request, byte[] body) throws IOException {
    return exchange(
        request,
        body,
        (head, response) -> {
          Framing framing = Bodies.responseFraming(request.method(), head);
          head.writeTo(out);
          Bodies.copy(framing, head, response, out);
          return framing != Framing.UNTIL_CLOSE
              && !request.hasToken("Connection", "close")
              && !head.hasToken("Connection", "close");
        });
  }

  /** What to do with the target's response. */
  @FunctionalInterface
  private interface ResponseHandler {
    boolean handle(HttpHead head, InputStream response) throws IOException;
  }

  /** Sends the request to the target on a new connection and hands its response over. */
  private boolean exchange(HttpHead request, byte[] body, ResponseHandler handler)
      throws IOException {
    URI target = proxy.target();
    Socket upstream = new Socket(target.getHost(), target.getPort());
    proxy.track(upstream);
    try {
      upstream.setSoTimeout(UPSTREAM_TIMEOUT_MILLIS);
      upstream.setTcpNoDelay(true);
      send(upstream, request, body);
      InputStream response = new BufferedInputStream(upstream.getInputStream());
      HttpHead head = HttpHead.read(response).orElseThrow(() -> new EOFException("No response"));
      return handler.handle(head, response);
    } finally {
      proxy.untrack(upstream);
    }
  }

  private static void send(Socket upstream, HttpHead request, byte[] body) throws IOException {
    OutputStream toTarget = new BufferedOutputStream(upstream.getOutputStream());
    request.writeTo(toTarget);
    toTarget.write(body);
    toTarget.flush();
  }

  private void reset() throws IOException {
    client.setSoLinger(true, 0);
    client.close();
  }
}
