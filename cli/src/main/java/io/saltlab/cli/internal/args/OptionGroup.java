package io.saltlab.cli.internal.args;

import java.util.ArrayList;
import java.util.List;

/**
 * Options that several commands share, such as the lab source of {@code render}, {@code check} and
 * {@code diff}: an option declared with {@link #add} here is part of every command that includes
 * the group, in its parsing and its help. Declare the group before its options:
 *
 * <pre>{@code
 * static final OptionGroup OPTIONS = new OptionGroup();
 * static final Option<Boolean> STRICT = OPTIONS.add(Option.flag("...", "--strict"));
 * }</pre>
 */
public final class OptionGroup {

  private final List<Option<?>> options = new ArrayList<>();
  private final List<List<Option<?>>> exclusive = new ArrayList<>();

  /** An empty group. */
  public OptionGroup() {}

  /**
   * Adds an option to the group.
   *
   * @param option the declaration
   * @param <T> its value's type
   * @return the same declaration, to keep in a constant
   */
  public synchronized <T> Option<T> add(Option<T> option) {
    options.add(option);
    return option;
  }

  /**
   * Declares options of this group of which at most one may be given, such as {@code --lab} and
   * {@code --class}; the usage line shows them as {@code [--lab=FILE | --class=NAME]}.
   *
   * @param first one option of the group
   * @param others the others
   * @return this group
   */
  public synchronized OptionGroup exclusive(Option<?> first, Option<?>... others) {
    List<Option<?>> set = new ArrayList<>();
    set.add(first);
    set.addAll(List.of(others));
    for (Option<?> o : set) {
      if (!options.contains(o)) {
        throw new IllegalArgumentException(o + " is not in this group");
      }
    }
    exclusive.add(List.copyOf(set));
    return this;
  }

  synchronized List<Option<?>> options() {
    return List.copyOf(options);
  }

  synchronized List<List<Option<?>>> exclusiveSets() {
    return List.copyOf(exclusive);
  }
}
