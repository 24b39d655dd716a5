package io.saltlab.cli;

import io.saltlab.core.render.SaltlabVersion;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code saltlab} command and its sub-commands, runnable in-process (tests) or from {@link
 * Main}. Every failure ends as one {@code error:} line and one {@code hint:} line on the error
 * stream, with the exit codes of {@link ExitCodes}; stack traces are never printed.
 */
@Command(
    name = "saltlab",
    mixinStandardHelpOptions = true,
    versionProvider = SaltlabCli.Version.class,
    description = {
      "Renders a typed Salt-on-Kubernetes lab into versioned, deterministic Kubernetes YAML.",
      "%nRepo workflow: 'saltlab render' into manifests/, review and commit it, run 'saltlab check'"
          + " in CI."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.PROBLEMS_LINE, ExitCodes.INPUT_LINE})
public final class SaltlabCli implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final Map<String, String> environment;

  private SaltlabCli(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Runs one command line.
   *
   * @param args the arguments, for example {@code render --target 1.6}
   * @param environment the variables a lab spec may read secrets from (usually {@code
   *     System.getenv()})
   * @param out where results go
   * @param err where errors and hints go
   * @return the exit code: 0 ok, 1 problems or drift, 2 usage or input error
   */
  public static int run(
      String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    Objects.requireNonNull(args, "args");
    CommandLine cmd =
        args.length > 0 ? commandLine(environment, args[0]) : commandLine(environment);
    cmd.setOut(out);
    cmd.setErr(err);
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The command tree, for running in-process with a given environment.
   *
   * @param environment variables for lab specs
   * @return the configured command line
   */
  static CommandLine commandLine(Map<String, String> environment) {
    return commandLine(environment, null);
  }

  /**
   * The command tree with only the named command, when it is one: picocli reads every registered
   * command's annotations by reflection before parsing, a noticeable part of a small render's
   * start, and a command line runs one command. Anything else (no command, a misspelt one,
   * top-level {@code --help}) gets every command, for the listings and suggestions.
   */
  private static CommandLine commandLine(Map<String, String> environment, String commandName) {
    SaltlabCli root = new SaltlabCli(environment);
    CommandLine cmd = new CommandLine(root);
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("render", () -> new RenderCommand(root));
    commands.put("check", () -> new CheckCommand(root));
    commands.put("diff", () -> new DiffCommand(root));
    commands.put("validate", ValidateCommand::new);
    commands.put("versions", VersionsCommand::new);
    Supplier<Object> only = commandName == null ? null : commands.get(commandName);
    if (only != null) {
      cmd.addSubcommand(new CommandLine(only.get()));
    } else {
      commands.values().forEach(c -> cmd.addSubcommand(new CommandLine(c.get())));
    }
    cmd.setParameterExceptionHandler(SaltlabCli::usageError);
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, commandLine));
    return cmd;
  }

  /** The variables a lab spec may read its secrets from. */
  Map<String, String> environment() {
    return environment;
  }

  /** Without a command there is nothing to do: say which commands exist. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("error: no command given");
    err.println(
        "hint: run 'saltlab --help'; commands: " + String.join(", ", spec.subcommands().keySet()));
    return ExitCodes.INPUT;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + firstLine(e.getMessage()));
    String help = "run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage";
    if (e instanceof UnmatchedArgumentException) {
      List<String> suggestions = ((UnmatchedArgumentException) e).getSuggestions();
      if (!suggestions.isEmpty()) {
        help = "did you mean " + String.join(" or ", suggestions) + "? " + help;
      }
    }
    err.println("hint: " + help);
    err.flush();
    return ExitCodes.INPUT;
  }

  private static int failure(Exception e, CommandLine cmd) {
    PrintWriter err = cmd.getErr();
    if (e instanceof CliException) {
      CliException c = (CliException) e;
      err.println("error: " + firstLine(c.getMessage()));
      for (String line : c.details()) {
        err.println("  - " + firstLine(line));
      }
      if (c.hint() != null) {
        err.println("hint: " + c.hint());
      }
      err.flush();
      return c.exitCode();
    }
    if (e instanceof IllegalArgumentException) {
      // The model's own checks (versions, secrets from the environment) explain themselves.
      err.println("error: " + firstLine(String.valueOf(e.getMessage())));
      err.println("hint: run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage");
      err.flush();
      return ExitCodes.INPUT;
    }
    err.println(
        "error: internal error in saltlab: "
            + e.getClass().getName()
            + ": "
            + firstLine(String.valueOf(e.getMessage())));
    err.println("hint: this is a bug; please report it with the command line that caused it");
    err.flush();
    return ExitCodes.INPUT;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** Prints the saltlab version for {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"saltlab " + SaltlabVersion.get()};
    }
  }
}
