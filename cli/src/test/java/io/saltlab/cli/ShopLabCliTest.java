package io.saltlab.cli;

import static io.saltlab.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop lab on the command line: {@code saltlab validate} passes on what {@code render} wrote
 * for it once the Secrets the lab names but does not render (the registry's pull Secret and the
 * apps' database Secrets) are declared as existing, and names each of them when they are not.
 */
class ShopLabCliTest {
  private static final Map<String, String> ENV =
      Map.of("SALTLAB_AUTOSIGN_TOKEN", "9f2c41d7a0b35e6e8c1f4a2b7d9e0c13");
  private static final String SPEC = "../examples/shop-lab.yaml";
  private static final List<String> EXISTING =
      List.of("shop-lab/registry-pull", "shop-lab/orders-db", "shop-lab/catalog-db");

  @TempDir Path dir;

  @Test
  void ownOutputValidatesStrictlyOnceItsExistingSecretsAreDeclared() {
    Path out = dir.resolve("manifests");
    CliRunner.Run render =
        run(
            ENV,
            "render",
            "--lab",
            SPEC,
            "-t",
            "1.9",
            "-t",
            "1.21",
            "-t",
            "1.36",
            "--out",
            out.toString());
    assertThat(render.exit()).as(render.err()).isZero();
    for (String target : List.of("1.9", "1.21", "1.36")) {
      String folder = out.resolve(target).toString();
      CliRunner.Run undeclared = run("validate", "-t", target, folder);
      assertThat(undeclared.exit()).as(undeclared.out()).isEqualTo(1);
      assertThat(undeclared.out())
          .contains("[missing-secret]")
          .contains("registry-pull", "orders-db", "catalog-db");

      List<String> args = new ArrayList<>(List.of("validate", "--strict", "-t", target));
      for (String secret : EXISTING) {
        args.add("--existing-secret");
        args.add(secret);
      }
      args.add(folder);
      CliRunner.Run declared = run(args.toArray(String[]::new));
      assertThat(declared.exit()).as(declared.out()).isZero();
      assertThat(declared.out()).contains("0 problems");
    }
  }
}
