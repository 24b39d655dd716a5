package io.saltlab.cli.internal.args;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The declaration of one command: its name, help text, options, positional parameters and exit
 * codes. {@link ArgParser} reads a command line with it and {@link HelpText} prints its {@code
 * --help}, so the two never disagree. Every command has {@link #HELP} and {@link #VERSION}.
 */
public final class CommandSpec {

  /** {@code -h, --help}: prints the command's help and exits 0, wherever it stands. */
  public static final Option<Boolean> HELP =
      Option.flag("Show this help message and exit.", "-h", "--help");

  /** {@code -V, --version}: prints the version and exits 0. */
  public static final Option<Boolean> VERSION =
      Option.flag("Print version information and exit.", "-V", "--version");

  /**
   * One line of the {@code Exit codes:} section of the help.
   *
   * @param code the process exit code
   * @param meaning when it is returned
   */
  public record ExitCode(int code, String meaning) {}

  /**
   * A sub-command as the parent's help lists it.
   *
   * @param name the word that selects it
   * @param summary its one-line description
   */
  public record Entry(String name, String summary) {}

  private final String qualifiedName;
  private final String summary;
  private final List<String> details;
  private final List<Option<?>> options;
  private final List<List<Option<?>>> exclusive;
  private final Parameters<?> parameters;
  private final List<ExitCode> exitCodes;
  private final List<Entry> commands;
  private final Map<String, Option<?>> byName;

  private CommandSpec(Builder b) {
    this.qualifiedName = b.qualifiedName;
    this.summary = Objects.requireNonNull(b.summary, "summary");
    this.details = List.copyOf(b.details);
    this.options = List.copyOf(b.options);
    this.exclusive = List.copyOf(b.exclusive);
    this.parameters = b.parameters;
    this.exitCodes = List.copyOf(b.exitCodes);
    this.commands = List.copyOf(b.commands);
    Map<String, Option<?>> names = new HashMap<>();
    for (Option<?> o : options) {
      for (String n : o.names()) {
        if (names.put(n, o) != null) {
          throw new IllegalArgumentException(qualifiedName + " declares " + n + " twice");
        }
      }
    }
    this.byName = Map.copyOf(names);
  }

  /**
   * Starts a declaration.
   *
   * @param qualifiedName how the user types the command, for example {@code saltlab render}
   * @param summary the first line of its help, also its line in the parent's list
   * @return the builder
   */
  public static Builder builder(String qualifiedName, String summary) {
    return new Builder(qualifiedName, summary);
  }

  /** How the user types the command, for example {@code saltlab render}. */
  public String qualifiedName() {
    return qualifiedName;
  }

  /** The first line of the help. */
  public String summary() {
    return summary;
  }

  /** Paragraphs printed after the summary. */
  public List<String> details() {
    return details;
  }

  /** Every option, {@link #HELP} and {@link #VERSION} included, in declaration order. */
  public List<Option<?>> options() {
    return options;
  }

  /** Sets of options of which at most one may be given. */
  public List<List<Option<?>>> exclusiveSets() {
    return exclusive;
  }

  /** The positional parameters, or {@code null} when the command takes none. */
  public Parameters<?> parameters() {
    return parameters;
  }

  /** The exit codes listed in the help. */
  public List<ExitCode> exitCodes() {
    return exitCodes;
  }

  /** The sub-commands listed in the help (only the top-level command has them). */
  public List<Entry> commands() {
    return commands;
  }

  /** The option with this exact name, or {@code null}. */
  Option<?> option(String name) {
    return byName.get(name);
  }

  /** Every option name, for suggestions. */
  List<String> optionNames() {
    List<String> names = new ArrayList<>();
    for (Option<?> o : options) {
      names.addAll(o.names());
    }
    return names;
  }

  /** Collects a command's declaration. */
  public static final class Builder {
    private final String qualifiedName;
    private final String summary;
    private final List<String> details = new ArrayList<>();
    private final List<Option<?>> options = new ArrayList<>();
    private final List<List<Option<?>>> exclusive = new ArrayList<>();
    private Parameters<?> parameters;
    private final List<ExitCode> exitCodes = new ArrayList<>();
    private final List<Entry> commands = new ArrayList<>();

    private Builder(String qualifiedName, String summary) {
      this.qualifiedName = Objects.requireNonNull(qualifiedName, "qualifiedName");
      this.summary = summary;
      options.add(HELP);
      options.add(VERSION);
    }

    /**
     * Adds paragraphs printed after the summary, each wrapped to the terminal width.
     *
     * @param paragraphs the text
     * @return this builder
     */
    public Builder details(String... paragraphs) {
      details.addAll(List.of(paragraphs));
      return this;
    }

    /**
     * Adds an option of this command only.
     *
     * @param option the declaration
     * @return this builder
     */
    public Builder option(Option<?> option) {
      options.add(option);
      return this;
    }

    /**
     * Adds every option of a shared group, and its exclusive sets.
     *
     * @param group the group
     * @return this builder
     */
    public Builder include(OptionGroup group) {
      options.addAll(group.options());
      exclusive.addAll(group.exclusiveSets());
      return this;
    }

    /**
     * Declares the positional parameters.
     *
     * @param p the declaration
     * @return this builder
     */
    public Builder parameters(Parameters<?> p) {
      this.parameters = p;
      return this;
    }

    /**
     * Adds a line to the help's {@code Exit codes:} section.
     *
     * @param code the exit code
     * @param meaning when it is returned
     * @return this builder
     */
    public Builder exitCode(int code, String meaning) {
      exitCodes.add(new ExitCode(code, meaning));
      return this;
    }

    /**
     * Adds a sub-command to the help's {@code Commands:} list.
     *
     * @param name the word that selects it
     * @param summary its one-line description
     * @return this builder
     */
    public Builder command(String name, String summary) {
      commands.add(new Entry(name, summary));
      return this;
    }

    /**
     * Finishes the declaration.
     *
     * @return the command's declaration
     * @throws IllegalArgumentException when two options share a name
     */
    public CommandSpec build() {
      return new CommandSpec(this);
    }
  }
}
