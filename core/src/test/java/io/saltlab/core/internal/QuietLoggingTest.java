package io.saltlab.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An application embedding saltlab with no SLF4J provider sees nothing on stderr; one that chose a
 * provider keeps its choice. Each case runs in a fresh JVM (SLF4J binds once per JVM), with this
 * module's test classpath, which holds no provider.
 */
class QuietLoggingTest {

  /** The embedding application: validates a document, which loads the schema validator. */
  public static void main(String[] args) {
    boolean clean =
        ManifestValidator.forTarget(KubernetesVersion.of("1.36"))
            .validateYaml("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n")
            .isClean();
    System.out.print(clean ? "clean" : "problems");
  }

  @Test
  void anApplicationWithoutAProviderGetsNoSlf4jLines() throws Exception {
    Run r = runApplication();
    assertThat(r.stdout()).isEqualTo("clean");
    assertThat(r.stderr()).isEmpty();
  }

  @Test
  void anApplicationsOwnChoiceOfProviderIsLeftAlone() throws Exception {
    Run r = runApplication("-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider");
    assertThat(r.stdout()).isEqualTo("clean");
    // SLF4J's own note that it loads the provider named: nothing saltlab set hid it
    assertThat(r.stderr()).contains("Attempting to load provider");
  }

  private record Run(String stdout, String stderr) {}

  private static Run runApplication(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(QuietLoggingTest.class.getName());
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
    return new Run(
        new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }
}
