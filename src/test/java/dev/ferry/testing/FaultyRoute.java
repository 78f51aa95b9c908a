package dev.ferry.testing;

import dev.ferry.objectstore.S3Connection;
import java.time.Duration;
import java.util.function.Function;

/**
 * Routes S3 connections through one {@link FaultyProxy} (10 % faults, 3 s stalls, 1 s client
 * timeouts), started on first use in front of the first connection's endpoint. Close it to stop the
 * proxy.
 */
public final class FaultyRoute implements Function<S3Connection, S3Connection>, AutoCloseable {
  private final long seed;
  private FaultyProxy proxy;

  public FaultyRoute(long seed) {
    this.seed = seed;
  }

  @Override
  public synchronized S3Connection apply(S3Connection direct) {
    if (proxy == null) {
      proxy =
          FaultyProxy.to(direct.endpoint().orElseThrow())
              .rate(0.10)
              .seed(seed)
              .stall(Duration.ofSeconds(3))
              .start();
    }
    return S3Connection.endpoint(proxy.endpoint(), direct.credentials())
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  /** The proxy, once a connection went through it. */
  public synchronized FaultyProxy proxy() {
    if (proxy == null) {
      throw new IllegalStateException("No connection went through the faulty route");
    }
    return proxy;
  }

  @Override
  public synchronized void close() {
    if (proxy != null) {
      proxy.close();
    }
  }
}
