package io.saltlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Entry point of {@code saltlab.jar}: {@code java -jar saltlab.jar <command> [options]}. */
public final class Main {

  /** The first error a worker thread died of, said when the command returns (see main). */
  private static final AtomicReference<String> HELD_BACK = new AtomicReference<>();

  private Main() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // Out of memory on a worker thread (a parallel render) reaches the main thread too, which
    // reports it as one error and hint; the JVM's default handler would add a trace line. A class
    // whose initialization ran out of memory fails again on other workers (NoClassDefFoundError):
    // such errors are held back and said only if the command did not end out of memory.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof OutOfMemoryError || SaltlabCli.ranOutOfMemory()) {
            return;
          }
          String line =
              "error: internal error in saltlab on thread "
                  + thread.getName()
                  + ": "
                  + e.getClass().getName();
          if (e instanceof Error) {
            HELD_BACK.compareAndSet(null, line);
          } else {
            System.err.println(line);
          }
        });
    // UTF-8 whatever the platform default, so that output is the same everywhere.
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = SaltlabCli.run(args, System.getenv(), out, err);
    String held = HELD_BACK.get();
    if (held != null && !SaltlabCli.ranOutOfMemory()) {
      err.println(held);
      code = Math.max(code, ExitCodes.INPUT);
    }
    System.exit(code);
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
