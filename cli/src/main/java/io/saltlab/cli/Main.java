package io.saltlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Entry point of {@code saltlab.jar}: {@code java -jar saltlab.jar <command> [options]}. */
public final class Main {

  private Main() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // Out of memory on a worker thread (a parallel render) reaches the main thread too, which
    // reports it as one error and hint; the JVM's default handler would add a trace line.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (!(e instanceof OutOfMemoryError)) {
            System.err.println(
                "error: internal error in saltlab on thread "
                    + thread.getName()
                    + ": "
                    + e.getClass().getName());
          }
        });
    // UTF-8 whatever the platform default, so that output is the same everywhere.
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(SaltlabCli.run(args, System.getenv(), out, err));
  }

  /**
   * Runs one command line in this JVM, for tools that embed it (the Maven plugin does): the same
   * commands, options, messages and exit codes as {@code java -jar saltlab.jar}. A lab named with
   * {@code --class} is loaded through the thread's context class loader.
   *
   * @param args the arguments, for example {@code render --target 1.6}
   * @param environment the variables a lab spec may read secrets from
   * @param out where results go
   * @param err where errors and hints go
   * @return the exit code: 0 ok, 1 problems or drift, 2 usage or input error
   */
  public static int run(
      String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    return SaltlabCli.run(args, environment, out, err);
  }
}
