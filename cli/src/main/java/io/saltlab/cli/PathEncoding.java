package io.saltlab.cli;

import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;

/**
 * Explains a path Java cannot represent. Java encodes file names in the charset of the process's
 * locale ({@code sun.jnu.encoding}); under {@code LANG=C} that is ASCII, so a non-ASCII path given
 * on the command line cannot be used at all, whatever saltlab does. The message says so and names
 * the setting that fixes it.
 */
final class PathEncoding {
  private PathEncoding() {}

  /**
   * Why a path cannot be used, and what would make it usable.
   *
   * @param e the failure to turn the text into a path
   * @return one line
   */
  static String explain(InvalidPathException e) {
    String encoding = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
    if (encoding.replace("-", "").equalsIgnoreCase("UTF8")) {
      return "not a usable path: " + e.getReason();
    }
    return "not a usable path: this Java encodes file names as "
        + encoding
        + ", the charset of the locale (LC_ALL, LC_CTYPE, LANG), which cannot hold it; run with a"
        + " UTF-8 locale, for example LC_ALL=C.UTF-8";
  }
}
