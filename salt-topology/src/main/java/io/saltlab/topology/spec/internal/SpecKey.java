package io.saltlab.topology.spec.internal;

import java.util.Objects;

/**
 * One key a spec file may hold: its name, what its value must be, whether it is required, its
 * default and what it is for. The reader, the JSON Schema and the documentation all come from
 * these.
 *
 * @param name the key as written in the file, for example {@code minionImage}
 * @param type what its value must be
 * @param required whether the key must be present
 * @param defaultValue the value used when the key is absent, as a JSON value (text, number,
 *     boolean), or {@code null} when there is none or it is computed (then {@code description} says
 *     how)
 * @param description what the key is for, for people: one or two sentences
 * @param field the model attribute the key sets, as the lab's checks name it (for example {@code
 *     autosignToken} for {@code autosignTokenEnv}), so that a problem the checks find is reported
 *     at this key's line; the key's own name unless set
 */
public record SpecKey(
    String name,
    SpecType type,
    boolean required,
    Object defaultValue,
    String description,
    String field) {

  /** Checks the parts. */
  public SpecKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (description.isBlank()) {
      throw new IllegalArgumentException("key '" + name + "' needs a description");
    }
    field = field == null ? name : field;
  }

  /**
   * A key that must be present.
   *
   * @param name the key
   * @param type its value's type
   * @param description what it is for
   * @return the key
   */
  public static SpecKey required(String name, SpecType type, String description) {
    return new SpecKey(name, type, true, null, description, null);
  }

  /**
   * A key that may be absent.
   *
   * @param name the key
   * @param type its value's type
   * @param description what it is for, and what applies when it is absent
   * @return the key
   */
  public static SpecKey optional(String name, SpecType type, String description) {
    return new SpecKey(name, type, false, null, description, null);
  }

  /**
   * The same key with a default value.
   *
   * @param value the default, as a JSON value (text, number, boolean)
   * @return the key
   */
  public SpecKey byDefault(Object value) {
    return new SpecKey(name, type, required, value, description, field);
  }

  /**
   * The same key, reported under another model attribute name.
   *
   * @param modelField the attribute's name as the lab's checks write it
   * @return the key
   */
  public SpecKey setting(String modelField) {
    return new SpecKey(name, type, required, defaultValue, description, modelField);
  }
}
