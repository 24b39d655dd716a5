package io.saltlab.cli;

import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.ParsedArgs;

/**
 * One sub-command: its declaration (options, help) and what it does with the parsed line.
 *
 * @param spec the declaration
 * @param action runs the command
 */
record CliCommand(CommandSpec spec, Action action) {

  /** Runs a command whose arguments are already parsed and valid. */
  @FunctionalInterface
  interface Action {
    /**
     * Runs the command.
     *
     * @param args the parsed arguments
     * @param context environment and streams
     * @return the exit code
     */
    int run(ParsedArgs args, CliContext context);
  }

  /** The word that selects the command: the last word of its qualified name. */
  String name() {
    String q = spec.qualifiedName();
    return q.substring(q.lastIndexOf(' ') + 1);
  }
}
