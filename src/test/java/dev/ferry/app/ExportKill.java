package dev.ferry.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the export crash tests do: copy a seeded data directory, start a server that stops at a
 * crash point, kill it with kill -9 there, check the bucket's files, restart, run the export until
 * its bucket is complete, and return the bucket's contents. Without a point, the same export runs
 * uninterrupted, for the reference.
 *
 * @param name the export's name
 * @param create creates the export on a running server
 * @param afterKill checks the bucket's directory in the embedded S3 while no server runs
 * @param complete whether the bucket's contents are those of a finished export
 * @param text how an object's bytes are shown in the contents (as text, or Base64 for binary)
 */
record ExportKill(
    String name,
    String bucket,
    Api create,
    Files afterKill,
    Predicate<Map<String, String>> complete,
    Function<byte[], String> text) {
  static final Duration WAIT = Duration.ofSeconds(90);

  /** A call to a running server. */
  interface Api {
    void call(URI api) throws Exception;
  }

  /** A check of files. */
  interface Files {
    void check(Path directory) throws Exception;
  }

  Map<String, String> run(Path seed, Path dir, String point) throws Exception {
    ServerCalls.copy(seed, dir);
    if (point != null) {
      try (FerryProcess server = start(dir, List.of("-Dferry.crash-at=" + point))) {
        RunningServer running = RunningServer.awaitStart(server);
        create.call(running.api());
        ServerCalls.startRun(running.api(), "exports", name);
        server.awaitLine(line -> line.equals("CRASHPOINT " + point.split(":")[0]), WAIT);
        server.kill9();
      }
      afterKill.check(dir.resolve("data/s3/" + bucket));
    }
    try (FerryProcess server = start(dir, List.of())) {
      RunningServer running = RunningServer.awaitStart(server);
      if (point == null) {
        create.call(running.api());
        runToEnd(running);
      } else {
        ServerCalls.awaitIdle(running.api(), name, WAIT);
      }
      for (int run = 0; run < 3 && !complete.test(contents(running)); run++) {
        runToEnd(running);
      }
      return contents(running);
    }
  }

  /**
   * Starts a run (or follows the one under way) and waits for its end: the bucket is read only
   * while no run writes, since an object being written shows in listings before it can be read.
   */
  private void runToEnd(RunningServer running) throws Exception {
    ServerCalls.awaitEnd(running.api(), ServerCalls.startRun(running.api(), "exports", name), WAIT);
  }

  static FerryProcess start(Path dir, List<String> jvmOptions) {
    return FerryProcess.start(dir, Map.of(), jvmOptions, "server", "--port", "0", "--s3-port", "0");
  }

  private Map<String, String> contents(RunningServer running) {
    Map<String, String> contents = new TreeMap<>();
    try (S3Client s3 = running.rawS3()) {
      for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray();
        contents.put(object.key(), text.apply(bytes));
      }
    }
    contents.keySet().removeIf(key -> isLeftOverCopy(key, contents));
    return contents;
  }

  /**
   * Whether {@code key} is the embedded S3's own leftover of a PUT cut off by the kill: S3Proxy
   * writes {@code KEY-<random UUID>}, sets its attributes and renames it to {@code KEY}; killed
   * between the last two, the finished copy stays listed (README, "Embedded S3"). Only such a copy,
   * with exactly the bytes the export then wrote to {@code KEY}, is left out; anything else counts.
   */
  private static boolean isLeftOverCopy(String key, Map<String, String> contents) {
    var matcher = LEFT_OVER.matcher(key);
    return matcher.matches()
        && contents.containsKey(matcher.group(1))
        && contents.get(matcher.group(1)).equals(contents.get(key));
  }

  private static final java.util.regex.Pattern LEFT_OVER =
      java.util.regex.Pattern.compile(
          "(.+)-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
}
