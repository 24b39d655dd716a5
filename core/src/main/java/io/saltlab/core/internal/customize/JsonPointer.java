package io.saltlab.core.internal.customize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An RFC 6901 JSON Pointer: {@code ""} for the whole document, otherwise {@code /}-separated
 * reference tokens in which {@code ~1} stands for {@code /} and {@code ~0} for {@code ~}. Parsed
 * strictly, so that a typo is an error naming the pointer rather than a path that matches nothing.
 *
 * @param text the pointer as written
 * @param tokens its unescaped reference tokens, outermost first
 */
public record JsonPointer(String text, List<String> tokens) {

  /** Checks and copies the tokens. */
  public JsonPointer {
    tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
  }

  /**
   * Parses a pointer.
   *
   * @param text the pointer, for example {@code /spec/template/spec/containers/0/env/-}
   * @return the pointer
   * @throws IllegalArgumentException naming what is wrong, when the text is not a JSON Pointer
   */
  public static JsonPointer parse(String text) {
    if (text.isEmpty()) {
      return new JsonPointer(text, List.of());
    }
    if (text.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a JSON Pointer: it must be empty (the whole object) or start with '/',"
              + " for example /spec/replicas");
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/') {
        tokens.add(token.toString());
        token.setLength(0);
      } else if (c == '~') {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        if (next == '0') {
          token.append('~');
        } else if (next == '1') {
          token.append('/');
        } else {
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "' is not a JSON Pointer: '~' at character "
                  + (i + 1)
                  + " must be followed by 0 (for '~') or 1 (for '/')");
        }
        i++;
      } else {
        token.append(c);
      }
    }
    tokens.add(token.toString());
    return new JsonPointer(text, tokens);
  }

  /** Whether this pointer is the whole document. */
  public boolean isRoot() {
    return tokens.isEmpty();
  }

  /** The pointer to the container of this one; only for a pointer that is not the root. */
  public JsonPointer parent() {
    int cut = text.lastIndexOf('/');
    return new JsonPointer(text.substring(0, cut), tokens.subList(0, tokens.size() - 1));
  }

  /** The last reference token; only for a pointer that is not the root. */
  public String last() {
    return tokens.get(tokens.size() - 1);
  }

  /**
   * Whether this pointer names a location strictly inside the one named by another.
   *
   * @param other the possible ancestor
   * @return true when {@code other} is a proper prefix of this pointer
   */
  public boolean isInside(JsonPointer other) {
    return other.tokens.size() < tokens.size()
        && tokens.subList(0, other.tokens.size()).equals(other.tokens);
  }

  @Override
  public String toString() {
    return text;
  }
}
