package dev.ferry.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The object keys of one event export run (SPEC §5): {@code PREFIX<request id>-<run
 * timestamp>-<event name>-<yyyymmdd>-<file index>-<database id><extension>} and {@code
 * PREFIX<request id>-<run timestamp>-manifest.json}. The run timestamp is the window's end, so a
 * retried window writes the same keys.
 */
final class EventFileKeys {
  private static final DateTimeFormatter RUN =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final String base;
  private final String databaseId;
  private final String extension;

  EventFileKeys(EventExportDefinition definition, Instant windowEnd, String databaseId) {
    this.base = definition.prefix() + definition.name() + "-" + RUN.format(windowEnd) + "-";
    this.databaseId = databaseId;
    this.extension = definition.format().extension();
  }

  /** The key of file {@code index} of the events named {@code safeName} on {@code day}. */
  String data(String safeName, LocalDate day, int index) {
    return base + safeName + "-" + DAY.format(day) + "-" + index + "-" + databaseId + extension;
  }

  String manifest() {
    return base + "manifest.json";
  }

  /**
   * The key-safe form of each name: characters outside {@code A-Z a-z 0-9 . _ -} become {@code _}
   * (one per code point). When two names of one run would get the same form, each name that changed
   * gets {@code _} and the first 8 hex digits of its SHA-256 appended, so their files never
   * overwrite each other; a name that needed no change keeps its form.
   */
  static Map<String, String> safeNames(Collection<String> names) {
    Map<String, Integer> uses = new HashMap<>();
    for (String name : names) {
      uses.merge(keySafe(name), 1, Integer::sum);
    }
    Map<String, String> safe = new HashMap<>();
    for (String name : names) {
      String plain = keySafe(name);
      boolean shared = uses.get(plain) > 1 && !plain.equals(name);
      safe.put(name, shared ? plain + "_" + digest(name) : plain);
    }
    return safe;
  }

  static String keySafe(String name) {
    StringBuilder safe = new StringBuilder(name.length());
    name.codePoints().forEach(c -> safe.append(allowed(c) ? Character.toString(c) : "_"));
    return safe.toString();
  }

  private static boolean allowed(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }

  private static String digest(String name) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
