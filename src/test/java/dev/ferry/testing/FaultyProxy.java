package dev.ferry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 reverse proxy on 127.0.0.1 that forwards every request byte for byte (Host and every
 * other header unchanged, so AWS SigV4 signatures still verify) to a target, and fails a seeded
 * random share of them with a {@link Fault}.
 *
 * <pre>{@code
 * try (FaultyProxy proxy = FaultyProxy.to(embeddedS3.endpoint()).rate(0.10).seed(7).start()) {
 *   S3Connection connection = S3Connection.endpoint(proxy.endpoint(), keys)
 *       .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
 *   ... run the job ...
 *   assertThat(proxy.injected(Fault.STALL)).isPositive();
 * }
 * }</pre>
 *
 * <p>The only change it makes to a request: it answers {@code Expect: 100-continue} itself and
 * drops that header (SigV4 does not sign it), so it can read the whole body before deciding.
 */
public final class FaultyProxy implements AutoCloseable {

  private final ServerSocket server;
  private final URI target;
  private final Settings settings;
  private final Random random;
  private final ExecutorService threads = Executors.newCachedThreadPool(FaultyProxy::daemon);
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean enabled = true;

  private FaultyProxy(ServerSocket server, URI target, Settings settings) {
    this.server = server;
    this.target = target;
    this.settings = settings;
    this.random = new Random(settings.seed());
    for (Fault fault : Fault.values()) {
      injected.put(fault, new AtomicInteger());
    }
  }

  /** Starts configuring a proxy in front of {@code target} ({@code http://host:port}). */
  public static Builder to(URI target) {
    return new Builder(target);
  }

  /** What a fault predicate sees of a request. */
  public record Request(String method, String target) {

    /** The path, without the query. */
    public String path() {
      int question = target.indexOf('?');
      return question < 0 ? target : target.substring(0, question);
    }

    /** The raw query after {@code ?}, or the empty string. */
    public String query() {
      int question = target.indexOf('?');
      return question < 0 ? "" : target.substring(question + 1);
    }
  }

  record Settings(
      double rate,
      long seed,
      Map<Fault, Integer> weights,
      Duration stall,
      Predicate<Request> only) {}

  /** The proxy's settings; {@link #start()} opens the port. */
  public static final class Builder {
    private final URI target;
    private double rate = 0.10;
    private long seed = 1;
    private final Map<Fault, Integer> weights = new EnumMap<>(Fault.class);
    private Duration stall = Duration.ofSeconds(3);
    private Predicate<Request> only = request -> true;

    private Builder(URI target) {
      this.target = target;
      for (Fault fault : Fault.values()) {
        weights.put(fault, fault == Fault.ACCESS_DENIED ? 0 : 1);
      }
    }

    /** The share of eligible requests that fail, 0 to 1; default 0.10. */
    public Builder rate(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("Fault rate must be between 0 and 1: " + share);
      }
      this.rate = share;
      return this;
    }

    /** Seeds the random choice of requests and faults; default 1. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** How often {@code fault} is picked relative to the others (default 1 each; 0 never). */
    public Builder weight(Fault fault, int weight) {
      if (weight < 0) {
        throw new IllegalArgumentException(
            "Weight of " + fault + " must not be negative: " + weight);
      }
      weights.put(fault, weight);
      return this;
    }

    /** Only these faults, equally weighted. */
    public Builder only(Fault... faults) {
      weights.replaceAll((fault, weight) -> 0);
      for (Fault fault : faults) {
        weights.put(fault, 1);
      }
      return this;
    }

    /**
     * Makes the proxy a bucket policy instead: every request matching {@code denied} is answered
     * {@code 403 AccessDenied}, every other one passes unharmed.
     */
    public Builder deny(Predicate<Request> denied) {
      return rate(1).only(Fault.ACCESS_DENIED).onlyWhen(denied);
    }

    /** How long a {@link Fault#STALL} holds the response; default 3 s. */
    public Builder stall(Duration duration) {
      this.stall = duration;
      return this;
    }

    /** Injects faults only into requests matching {@code eligible}; others pass unharmed. */
    public Builder onlyWhen(Predicate<Request> eligible) {
      this.only = eligible;
      return this;
    }

    public FaultyProxy start() {
      if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
        throw new IllegalArgumentException("At least one fault needs a positive weight");
      }
      Settings settings = new Settings(rate, seed, Map.copyOf(weights), stall, only);
      FaultyProxy proxy = new FaultyProxy(bind(), target, settings);
      proxy.threads.execute(proxy::acceptLoop);
      return proxy;
    }

    private static ServerSocket bind() {
      try {
        return new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException("Failed to open the faulty proxy's port", e);
      }
    }
  }

  /** Where clients connect: {@code http://127.0.0.1:port}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Stops injecting faults; every request is forwarded faithfully. */
  public void disable() {
    enabled = false;
  }

  /** Injects faults again. */
  public void enable() {
    enabled = true;
  }

  /** How many times {@code fault} was injected. */
  public int injected(Fault fault) {
    return injected.get(fault).get();
  }

  /** The faults this proxy can inject: those with a positive weight. */
  public Set<Fault> possible() {
    Set<Fault> possible = EnumSet.noneOf(Fault.class);
    settings
        .weights()
        .forEach(
            (fault, weight) -> {
              if (weight > 0) {
                possible.add(fault);
              }
            });
    return possible;
  }

  /** Injected faults by kind, every kind present. */
  public Map<Fault, Integer> injected() {
    Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
    injected.forEach((fault, count) -> counts.put(fault, count.get()));
    return counts;
  }

  /** Faults of every kind injected so far. */
  public int injectedTotal() {
    return injected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Requests received so far, failed or not. */
  public long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    closeQuietly(server);
    sockets.forEach(FaultyProxy::closeQuietly);
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  URI target() {
    return target;
  }

  Duration stall() {
    return settings.stall();
  }

  long nextRequestNumber() {
    return requests.incrementAndGet();
  }

  /** Picks the fault for one request, or none; counts it. */
  Optional<Fault> choose(Request request) {
    if (!enabled || !settings.only().test(request)) {
      return Optional.empty();
    }
    Optional<Fault> fault = draw();
    fault.ifPresent(chosen -> injected.get(chosen).incrementAndGet());
    return fault;
  }

  private synchronized Optional<Fault> draw() {
    if (random.nextDouble() >= settings.rate()) {
      return Optional.empty();
    }
    int total = settings.weights().values().stream().mapToInt(Integer::intValue).sum();
    int pick = random.nextInt(total);
    for (Fault fault : Fault.values()) {
      pick -= settings.weights().get(fault);
      if (pick < 0) {
        return Optional.of(fault);
      }
    }
    throw new IllegalStateException("Weights changed while drawing");
  }

  void track(Socket socket) {
    sockets.add(socket);
  }

  void untrack(Socket socket) {
    sockets.remove(socket);
    closeQuietly(socket);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        track(client);
        threads.execute(new ProxyConnection(this, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "faulty-proxy");
    thread.setDaemon(true);
    return thread;
  }

  static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing a connection that is already broken
    }
  }
}
