package dev.ferry.tables;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Table and column names as the store takes them (SPEC §3): lower-case ASCII letters, digits and
 * {@code _}, at most 127 characters. Accents are dropped ({@code é} becomes {@code e}); every run
 * of other characters (spaces, dots, quotes, other scripts) becomes one {@code _}, leading and
 * trailing ones removed (one leading {@code _} stays when the name had it); a name that starts with
 * a digit gets a leading {@code _}; a name left empty becomes {@code column_N} (its 1-based
 * position). Lower case, because the store matches names without regard to case. Within one header,
 * a name already taken (by an earlier column or a metadata column) gets {@code _2}, {@code _3}, …
 * in header order.
 */
final class Names {
  static final int MAX = 127;

  private Names() {}

  /** The store name of one name. */
  static String sanitize(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    String cleaned = ascii.replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    if (!cleaned.isEmpty() && (ascii.startsWith("_") || Character.isDigit(cleaned.charAt(0)))) {
      cleaned = "_" + cleaned;
    }
    return cleaned.length() > MAX ? cleaned.substring(0, MAX) : cleaned;
  }

  /**
   * The store names of a header's columns, in order: each sanitized, empty ones named by position,
   * collisions with earlier names or with {@code reserved} resolved by a suffix.
   */
  static List<String> columns(List<String> header, Set<String> reserved) {
    Set<String> taken = new HashSet<>(reserved);
    List<String> names = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      String name = sanitize(header.get(i));
      names.add(unique(name.isEmpty() ? "column_" + (i + 1) : name, taken));
    }
    return List.copyOf(names);
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      String suffix = "_" + n;
      candidate = name.substring(0, Math.min(name.length(), MAX - suffix.length())) + suffix;
    }
    return candidate;
  }
}
