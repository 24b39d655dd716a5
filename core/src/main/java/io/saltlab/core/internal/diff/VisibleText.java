package io.saltlab.core.internal.diff;

/**
 * Makes text safe to print on a terminal or in a CI log: control characters, escape sequences and
 * the characters that reorder or hide text (bidirectional overrides, zero-width marks) are written
 * as escapes such as {@code \x1b} or {@code \u202e}, never emitted raw; line feeds and tabs stay.
 */
public final class VisibleText {
  private VisibleText() {}

  /**
   * The text with every invisible or terminal-controlling character escaped.
   *
   * @param text any text
   * @return the same text when it has none, otherwise a copy with escapes
   */
  public static String of(String text) {
    int first = 0;
    while (first < text.length() && !needsEscape(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    out.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        out.append(c);
      } else if (c < 0x100) {
        out.append("\\x").append(hex(c >> 4)).append(hex(c & 0xf));
      } else {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
          out.append(hex((c >> shift) & 0xf));
        }
      }
    }
    return out.toString();
  }

  /**
   * A single line for a message: like {@link #of} with line feeds and tabs escaped too.
   *
   * @param text a name or value to quote in one line
   * @return the escaped text
   */
  public static String line(String text) {
    return of(text).replace("\n", "\\x0a").replace("\t", "\\x09");
  }

  private static boolean needsEscape(char c) {
    if (c == '\n' || c == '\t') {
      return false;
    }
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x061c
        || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2060 && c <= 0x2069)
        || c == 0xfeff
        || (c >= 0xfff9 && c <= 0xfffb);
  }

  private static char hex(int digit) {
    return (char) (digit < 10 ? '0' + digit : 'a' + digit - 10);
  }
}
