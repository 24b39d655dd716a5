package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the Python scripts beside the tests (Jinja2 and PyYAML, as Salt uses them; both are
 * in the build machine's image), JSON in and out. A missing Python or module fails the test, never
 * skips it.
 */
final class PythonScripts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PythonScripts() {}

  /**
   * Runs {@code script} (a resource of this package) with {@code request} on its standard input.
   *
   * @return what it printed, read as JSON
   */
  static JsonNode run(String script, JsonNode request) throws Exception {
    Path path = Path.of(PythonScripts.class.getResource(script).toURI());
    File err = File.createTempFile("saltlab-python", ".err");
    try {
      // Standard error into a file, so that a chatty script cannot block on a full pipe.
      Process p =
          new ProcessBuilder("python3", path.toString())
              .redirectError(ProcessBuilder.Redirect.to(err))
              .start();
      p.getOutputStream().write(JSON.writeValueAsBytes(request));
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue())
          .as(
              "python3 %s with jinja2 and yaml: %s",
              script, Files.readString(err.toPath(), StandardCharsets.UTF_8))
          .isZero();
      return JSON.readTree(out);
    } finally {
      Files.deleteIfExists(err.toPath());
    }
  }
}
