package dev.ferry.export;

import dev.ferry.objectstore.S3Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event or profile export (SPEC §5, CleverTap): what it exports, in which format, how often,
 * and where.
 *
 * @param name also the request id in file names and the activity log
 * @param events the event names of a {@link Type#SELECTED_EVENTS} export; empty otherwise
 * @param chunkSize the output bytes at which a file is closed and the next one started
 * @param jsonHeaderLine whether JSON files start with the event name line
 * @param compressionLevel gzip level of JSON, XML and CSV files, 1 to 9
 */
public record EventExportDefinition(
    String name,
    String bucket,
    String prefix,
    Type type,
    List<String> events,
    Format format,
    Frequency frequency,
    long chunkSize,
    boolean jsonHeaderLine,
    int compressionLevel,
    Optional<S3Connection> connection)
    implements ExportDefinition {

  /** {@code chunk-size} unless set: 100 MB. */
  public static final long DEFAULT_CHUNK_SIZE = 100_000_000L;

  /** The longest window of a one-time export, and how far back it may start. */
  public static final Duration MAX_ONCE_WINDOW = Duration.ofDays(60);

  public EventExportDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(type, "type");
    events = List.copyOf(events);
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(connection, "connection");
    if (type == Type.SELECTED_EVENTS && events.isEmpty()) {
      throw new IllegalArgumentException("selected-events needs at least one event name");
    }
    if (type != Type.SELECTED_EVENTS && !events.isEmpty()) {
      throw new IllegalArgumentException("event names are only for selected-events");
    }
  }

  /** What an export writes. */
  public enum Type {
    ALL_EVENTS("all-events"),
    SELECTED_EVENTS("selected-events"),
    PROFILES("profiles");

    private final String shown;

    Type(String shown) {
      this.shown = shown;
    }

    /** As written in settings. */
    public String shown() {
      return shown;
    }
  }

  /** The file format. */
  public enum Format {
    JSON("json"),
    XML("xml"),
    CSV("csv"),
    PARQUET("parquet");

    private final String shown;

    Format(String shown) {
      this.shown = shown;
    }

    /** As written in settings and in file names. */
    public String shown() {
      return shown;
    }

    /** The end of its file names: gzip for all but Parquet, which compresses itself. */
    public String extension() {
      return this == PARQUET ? ".parquet" : "." + shown + ".gz";
    }
  }

  /** When runs happen and which records each covers. */
  public sealed interface Frequency permits Once, Recurring {}

  /**
   * One run over the records received in {@code [from, to)}.
   *
   * @param from inclusive
   * @param to exclusive, after {@code from}, at most {@link #MAX_ONCE_WINDOW} later
   */
  public record Once(Instant from, Instant to) implements Frequency {
    public Once {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("to must be after from");
      }
    }
  }

  /**
   * A run every {@code every}, each covering the records received since the previous run's window
   * ended; the first covers everything received before it.
   */
  public record Recurring(Duration every) implements Frequency {
    /** The shortest interval. */
    public static final Duration MIN = Duration.ofHours(4);

    /** The longest interval, and the default. */
    public static final Duration MAX = Duration.ofHours(24);

    public Recurring {
      Objects.requireNonNull(every, "every");
    }
  }
}
