package dev.ferry.export.format;

import java.util.function.IntPredicate;

/** Replacements of characters a format cannot carry: each becomes U+FFFD. */
final class Text {
  /** What a character a format cannot carry becomes. */
  static final int REPLACEMENT = 0xFFFD;

  private Text() {}

  /** {@code text} with every unpaired surrogate replaced by U+FFFD (UTF-8 cannot encode one). */
  static String withoutUnpairedSurrogates(String text) {
    return replace(text, Text::encodable);
  }

  /**
   * {@code text} with every character XML 1.0 does not allow replaced by U+FFFD: control characters
   * other than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates.
   */
  static String xmlSafe(String text) {
    return replace(text, Text::allowedInXml);
  }

  private static String replace(String text, IntPredicate allowed) {
    if (text.codePoints().allMatch(allowed)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(allowed.test(c) ? c : REPLACEMENT));
    return out.toString();
  }

  private static boolean encodable(int codePoint) {
    return codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE;
  }

  private static boolean allowedInXml(int codePoint) {
    boolean control = codePoint < 0x20 && codePoint != '\t' && codePoint != '\n';
    return encodable(codePoint)
        && (!control || codePoint == '\r')
        && codePoint != 0xFFFE
        && codePoint != 0xFFFF;
  }
}
