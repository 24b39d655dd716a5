package io.saltlab.cli;

import static io.saltlab.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --gitops argocd|flux}: the apply order written, checked by {@code check}. */
class GitOpsRenderTest {

  @TempDir Path repo;

  @Test
  void argoCdPutsASyncWaveOnEveryObjectAndCheckNeedsTheSameSetting() throws IOException {
    Path out = repo.resolve("manifests");
    assertThat(run("render", "--out", out.toString(), "--gitops", "argocd").exit()).isZero();

    assertThat(out.resolve("1.36/namespace-salt-lab.yaml"))
        .content()
        .contains("argocd.argoproj.io/sync-wave: \"0\"");
    assertThat(out.resolve("1.36/deployment-salt-master.yaml"))
        .content()
        .contains("argocd.argoproj.io/sync-wave: \"2\"");
    assertThat(run("check", "--out", out.toString(), "--gitops", "argocd").exit()).isZero();
    CliRunner.Run plain = run("check", "--out", out.toString());
    assertThat(plain.exit()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(plain.out()).contains("-  annotations:").doesNotContain("password");
  }

  @Test
  void fluxWritesOneFolderPerLayerAndKustomizationsWithRepositoryPaths() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Path out = repo.resolve("deploy/manifests");
    assertThat(run("render", "--out", out.toString(), "--gitops", "flux").exit()).isZero();

    Path folder = out.resolve("1.36");
    assertThat(folder.resolve("0-namespace/namespace-salt-lab.yaml")).exists();
    assertThat(folder.resolve("2-master/deployment-salt-master.yaml")).exists();
    assertThat(folder.resolve("namespace-salt-lab.yaml")).doesNotExist();
    assertThat(folder.resolve("flux/kustomization-salt-lab-3-roles.yaml"))
        .content()
        .contains("path: \"./deploy/manifests/1.36/3-roles\"")
        .contains("- name: salt-lab-2-master");
    assertThat(folder.resolve("topology.md")).exists();
    assertThat(run("check", "--out", out.toString(), "--gitops", "flux").exit()).isZero();
    // rendered again unchanged: nothing to write
    assertThat(run("render", "--out", out.toString(), "--gitops", "flux").out())
        .contains("1.36: up to date");
  }

  @Test
  void anUnknownEngineIsAUsageError() {
    CliRunner.Run r = run("render", "--out", repo.toString(), "--gitops", "spinnaker");
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("none, argocd, flux").contains("spinnaker");
  }
}
