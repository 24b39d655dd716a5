package io.saltlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

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
}
