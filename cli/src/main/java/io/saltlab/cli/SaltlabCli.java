package io.saltlab.cli;

import io.saltlab.cli.internal.args.ArgParser;
import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.HelpText;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.cli.internal.args.Suggestions;
import io.saltlab.cli.internal.args.UsageException;
import io.saltlab.core.customize.CustomizationException;
import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.render.SaltlabVersion;
import io.saltlab.core.validate.ManifestValidationException;
import io.saltlab.core.write.FolderException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code saltlab} command and its sub-commands, runnable in-process (tests) or from {@link
 * Main}. Every failure ends as one {@code error:} line and one {@code hint:} line on the error
 * stream, with the exit codes of {@link ExitCodes}; stack traces are never printed.
 */
final class SaltlabCli {

  /** The top-level command: only {@code --help} and {@code --version} besides a sub-command. */
  static final CommandSpec ROOT;

  /** The sub-commands, in the order {@code --help} lists them. */
  static final List<CliCommand> COMMANDS =
      List.of(
          RenderCommand.COMMAND,
          CheckCommand.COMMAND,
          DiffCommand.COMMAND,
          ValidateCommand.COMMAND,
          VersionsCommand.COMMAND);

  static {
    CommandSpec.Builder root =
        CommandSpec.builder(
                "saltlab",
                "Renders a typed Salt-on-Kubernetes lab into versioned, deterministic Kubernetes"
                    + " YAML.")
            .details(
                "Repo workflow: 'saltlab render' into manifests/, review and commit it, run"
                    + " 'saltlab check' in CI.");
    for (CliCommand c : COMMANDS) {
      root.command(c.name(), c.spec().summary());
    }
    ROOT =
        root.exitCode(ExitCodes.OK, ExitCodes.OK_MEANING)
            .exitCode(ExitCodes.PROBLEMS, ExitCodes.PROBLEMS_MEANING)
            .exitCode(ExitCodes.INPUT, ExitCodes.INPUT_MEANING)
            .build();
  }

  private SaltlabCli() {}

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
  static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    Objects.requireNonNull(args, "args");
    CliContext context = new CliContext(Map.copyOf(environment), out, err);
    try {
      return dispatch(Arrays.asList(args), context);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int dispatch(List<String> args, CliContext context) {
    if (args.isEmpty() || args.get(0).startsWith("-")) {
      return runRoot(args, context);
    }
    CliCommand command = find(args.get(0));
    if (command == null) {
      List<String> names = new ArrayList<>();
      COMMANDS.forEach(c -> names.add(c.name()));
      return usageError(
          new UsageException(
              "unknown command '" + args.get(0) + "'",
              Suggestions.closest(args.get(0), names),
              null),
          ROOT,
          context);
    }
    ParsedArgs parsed;
    try {
      parsed = ArgParser.parse(command.spec(), args.subList(1, args.size()));
    } catch (UsageException e) {
      return usageError(e, command.spec(), context);
    }
    if (parsed.has(CommandSpec.HELP)) {
      context.out().print(HelpText.of(command.spec()));
      return ExitCodes.OK;
    }
    if (parsed.has(CommandSpec.VERSION)) {
      context.out().println(version());
      return ExitCodes.OK;
    }
    try {
      return command.action().run(parsed, context);
    } catch (RuntimeException e) {
      return failure(e, command.spec(), context.err());
    } catch (OutOfMemoryError e) {
      OUT_OF_MEMORY.set(true);
      // What the command held is unreachable now, so there is room to say so.
      long maxHeap = Runtime.getRuntime().maxMemory();
      return command.name().equals("validate")
          ? validateOutOfMemory(context.err(), maxHeap)
          : outOfMemory(context.err(), maxHeap);
    }
  }

  /**
   * Says that the manifests given to one {@code validate} run did not fit in the heap (it holds
   * them all, to check references between documents), and how to give more or validate less.
   *
   * @param err where the two lines go
   * @param maxHeap the heap limit of this JVM, in bytes
   * @return {@link ExitCodes#INPUT}
   */
  static int validateOutOfMemory(PrintWriter err, long maxHeap) {
    long mb = Math.max(1, maxHeap / (1024 * 1024));
    long more = Math.max(512, (mb * 2 + 255) / 256 * 256);
    err.println(
        "error: out of memory: the manifests of this run do not fit in the "
            + mb
            + " MB of heap this JVM may use (validate holds every document of a run at once)");
    err.println(
        "hint: validate fewer files per run, or give it more heap: "
            + (Boolean.getBoolean("saltlab.launcher")
                ? "SALTLAB_JAVA_OPTS=-Xmx" + more + "m bin/saltlab ..."
                : "java -Xmx" + more + "m -jar saltlab.jar ..."));
    err.flush();
    return ExitCodes.INPUT;
  }

  /**
   * Heap a render needs per role of the lab, at its peak, measured with the stream layout: what the
   * out-of-memory message's "about N roles" is reckoned from. The streamed render holds about 2.6
   * KB per role at its peak (131 MB of live heap at 50,000 roles) and renders 50,000 roles within
   * {@code -Xmx256m} (247 MB usable), i.e. at most about 5,000 bytes per role of maximum heap; see
   * docs/performance.md.
   */
  static final long HEAP_BYTES_PER_ROLE = 5_000;

  /** Set once a command of this JVM ended out of memory. */
  private static final java.util.concurrent.atomic.AtomicBoolean OUT_OF_MEMORY =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Whether a command of this JVM ended out of memory, so that errors other threads die of
   * afterwards (a class whose initialization failed for want of heap) are not said as well.
   *
   * @return true after an out-of-memory error was reported
   */
  static boolean ranOutOfMemory() {
    return OUT_OF_MEMORY.get();
  }

  /**
   * Says that the heap was too small, how large it was, roughly how large a lab fits, and how to
   * give more: through the launcher's {@code SALTLAB_JAVA_OPTS} or java's {@code -Xmx}.
   *
   * @param err where the two lines go
   * @param maxHeap the heap limit of this JVM, in bytes
   * @return {@link ExitCodes#INPUT}
   */
  static int outOfMemory(PrintWriter err, long maxHeap) {
    long mb = Math.max(1, maxHeap / (1024 * 1024));
    long roles = maxHeap / HEAP_BYTES_PER_ROLE / 100 * 100;
    long more = Math.max(512, (mb * 2 + 255) / 256 * 256);
    err.println(
        "error: out of memory: the lab does not fit in the "
            + mb
            + " MB of heap this JVM may use (a lab of about "
            + String.format(Locale.ROOT, "%,d", roles)
            + " roles fits)");
    boolean launcher = Boolean.getBoolean("saltlab.launcher");
    err.println(
        "hint: give it more heap: "
            + (launcher
                ? "SALTLAB_JAVA_OPTS=-Xmx" + more + "m bin/saltlab ..."
                : "java -Xmx"
                    + more
                    + "m -jar saltlab.jar ... (or bin/saltlab with"
                    + " SALTLAB_JAVA_OPTS=-Xmx"
                    + more
                    + "m)")
            + "; --layout stream needs less than files");
    err.flush();
    return ExitCodes.INPUT;
  }

  private static int runRoot(List<String> args, CliContext context) {
    ParsedArgs parsed;
    try {
      parsed = ArgParser.parse(ROOT, args);
    } catch (UsageException e) {
      return usageError(e, ROOT, context);
    }
    if (parsed.has(CommandSpec.HELP)) {
      context.out().print(HelpText.of(ROOT));
      return ExitCodes.OK;
    }
    if (parsed.has(CommandSpec.VERSION)) {
      context.out().println(version());
      return ExitCodes.OK;
    }
    // Without a command there is nothing to do: say which commands exist.
    List<String> names = new ArrayList<>();
    COMMANDS.forEach(c -> names.add(c.name()));
    context.err().println("error: no command given");
    context.err().println("hint: run 'saltlab --help'; commands: " + String.join(", ", names));
    return ExitCodes.INPUT;
  }

  private static CliCommand find(String name) {
    for (CliCommand c : COMMANDS) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The version line of {@code --version}. */
  static String version() {
    return "saltlab " + SaltlabVersion.get();
  }

  private static int usageError(UsageException e, CommandSpec spec, CliContext context) {
    PrintWriter err = context.err();
    err.println("error: " + firstLine(e.getMessage()));
    String help = "run '" + spec.qualifiedName() + " --help' for usage";
    if (e.advice() != null) {
      help = e.advice() + "; " + help;
    }
    if (!e.suggestions().isEmpty()) {
      help = "did you mean " + String.join(" or ", e.suggestions()) + "? " + help;
    }
    err.println("hint: " + help);
    return ExitCodes.INPUT;
  }

  private static int failure(RuntimeException e, CommandSpec spec, PrintWriter err) {
    if (e instanceof CliException c) {
      err.println("error: " + firstLine(c.getMessage()));
      for (String line : c.details()) {
        err.println("  - " + firstLine(line));
      }
      if (c.hint() != null) {
        err.println("hint: " + firstLine(c.hint()));
      }
      return c.exitCode();
    }
    if (e instanceof FolderException) {
      err.println("error: " + firstLine(e.getMessage()));
      err.println("hint: " + firstLine(((FolderException) e).hint()));
      err.flush();
      return ExitCodes.INPUT;
    }
    if (e instanceof CustomizationException c) {
      err.println(
          "error: the lab's customizations cannot be applied ("
              + c.problems().size()
              + (c.problems().size() == 1 ? " problem)" : " problems)"));
      for (String line : c.problems()) {
        err.println("  - " + firstLine(line));
      }
      err.println(
          "hint: each problem names the patch, edit or extra object and what exists; see"
              + " docs/customize.md");
      return ExitCodes.INPUT;
    }
    if (e instanceof ManifestValidationException v) {
      // Only a lab's own customizations (or a bug) make its output invalid: the problems say which
      // object and field, never a Secret's value.
      List<String> lines = v.getMessage().lines().toList();
      err.println(
          "error: the rendered objects are invalid: " + (lines.isEmpty() ? "" : lines.get(0)));
      lines.stream().skip(1).forEach(err::println);
      err.println(
          "hint: a patch, edit or extra object of the lab may have caused it (docs/customize.md);"
              + " otherwise this is a bug, please report it");
      return ExitCodes.INPUT;
    }
    if (e instanceof IllegalArgumentException) {
      // The model's own checks (versions, secrets from the environment) explain themselves.
      err.println("error: " + firstLine(String.valueOf(e.getMessage())));
      err.println("hint: run '" + spec.qualifiedName() + " --help' for usage");
      return ExitCodes.INPUT;
    }
    err.println(
        "error: internal error in saltlab: "
            + e.getClass().getName()
            + ": "
            + firstLine(String.valueOf(e.getMessage())));
    err.println("hint: this is a bug; please report it with the command line that caused it");
    return ExitCodes.INPUT;
  }

  /**
   * The first line of a message, with control characters and escape sequences made visible: a
   * message may quote input (a key, a path), which must never drive the terminal.
   */
  private static String firstLine(String s) {
    return s == null ? "" : VisibleText.line(s.lines().findFirst().orElse(""));
  }
}
