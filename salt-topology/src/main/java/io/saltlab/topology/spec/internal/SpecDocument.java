package io.saltlab.topology.spec.internal;

import io.saltlab.core.internal.files.RefusedFileException;
import io.saltlab.core.internal.files.SafeRead;
import io.saltlab.topology.spec.LabSpecException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One spec file read against a definition: its checked values, and the problems found so far.
 * Binding code (the lab's, or a module's for its own section) reads the values, reports what it
 * finds wrong through them, and calls {@link #check()} once done, so that the file's problems come
 * out in one {@link LabSpecException}, each at its line and column.
 */
public final class SpecDocument {
  private final SpecProblems problems;
  private final SpecValue root;

  /** The most bytes a spec file may hold; its text must also stay within 1 Mi characters. */
  public static final long MAX_FILE_BYTES = 4L * SpecParser.MAX_CHARS;

  private SpecDocument(SpecProblems problems, SpecValue root) {
    this.problems = problems;
    this.root = root;
  }

  /**
   * Reads a spec file: bounded in size, UTF-8 only.
   *
   * @param file the file
   * @param definition the top-level section the file must match
   * @return the document; never throws for the file's content, problems are kept in it
   */
  public static SpecDocument read(Path file, SpecSection definition) {
    String source = file.toString();
    SpecProblems problems = new SpecProblems(source);
    String text;
    try {
      // Only a regular file, never through a link, never past the limit: FIFOs, /dev/zero and
      // /proc files are refused before anything is read.
      text = SafeRead.utf8(file, MAX_FILE_BYTES);
    } catch (RefusedFileException e) {
      problems.add(0, 0, "", "the file " + e.what());
      return new SpecDocument(problems, null);
    }
    return parse(text, source, definition);
  }

  /**
   * Parses spec text.
   *
   * @param text the YAML
   * @param source a name for messages, such as the file name
   * @param definition the top-level section the text must match
   * @return the document; never throws for the text's content, problems are kept in it
   */
  public static SpecDocument parse(String text, String source, SpecSection definition) {
    SpecProblems problems = new SpecProblems(source);
    SpecNode node = SpecParser.parse(source, text, problems.list());
    SpecValue root = node == null ? null : SpecReader.read(node, definition, "", problems);
    return new SpecDocument(problems, root);
  }

  /**
   * The checked top level.
   *
   * @return the values, empty when the file could not be parsed or is not a mapping
   */
  public Optional<SpecValue> root() {
    return Optional.ofNullable(root);
  }

  /**
   * A top-level section's checked values, for a module that reads its own section.
   *
   * @param key a top-level key of the definition
   * @return the section, empty when absent or broken
   */
  public Optional<SpecValue> section(String key) {
    return root().flatMap(r -> r.get(key));
  }

  /** Whether no problem has been found so far. */
  public boolean clean() {
    return problems.isEmpty();
  }

  /**
   * Reports a problem a model's checks found, at the line of the value its field path points to
   * (the deepest value on the way when the field was not written).
   *
   * @param field the model field's path, for example {@code roles[2].ports[0].port}
   * @param message what is wrong and what would be right, one line
   */
  public void problemAt(String field, String message) {
    SpecValue at = root == null ? null : root.locate(field);
    problems.add(at == null ? 0 : at.line(), at == null ? 0 : at.column(), field, message);
  }

  /**
   * Throws when any problem was found.
   *
   * @throws LabSpecException listing every problem, in file order
   */
  public void check() {
    if (!problems.isEmpty()) {
      throw problems.failure();
    }
  }
}
