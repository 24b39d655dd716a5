package io.saltlab.golden;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Layout;
import io.saltlab.core.render.Manifests;
import io.saltlab.examples.SeedLab;
import io.saltlab.topology.ApplyOrder;
import io.saltlab.topology.GitOps;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the seed lab as written for GitOps engines: the Argo CD stream with sync waves, and the
 * whole Flux folder (every file under its path, the Flux Kustomizations last).
 */
class SeedLabGitOpsGoldenTest {

  @ParameterizedTest(name = "seed lab for Argo CD, Kubernetes {0}")
  @ValueSource(strings = {"1.6", "1.36"})
  void argoCd(String target) {
    Golden.verify(ApplyOrder.render(SeedLab.lab(), KubernetesVersion.of(target), GitOps.ARGOCD));
  }

  @ParameterizedTest(name = "seed lab for Flux, Kubernetes {0}")
  @ValueSource(strings = {"1.36"})
  void flux(String target) {
    Manifests manifests = SeedLab.lab().render(target);
    Map<String, String> files =
        ApplyOrder.fluxFolder(SeedLab.lab(), manifests, Layout.FILES, "manifests/" + target)
            .contents();
    StringBuilder folder = new StringBuilder();
    files.forEach(
        (path, content) -> folder.append("==> ").append(path).append(" <==\n").append(content));
    Golden.verify(folder.toString(), target, ".txt");
  }
}
