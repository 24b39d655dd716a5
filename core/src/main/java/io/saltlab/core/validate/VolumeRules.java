package io.saltlab.core.validate;

import static io.saltlab.core.validate.Rules.fileMode;
import static io.saltlab.core.validate.Rules.quantity;
import static io.saltlab.core.validate.Rules.relativePath;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.validate.Shape.At;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value rules of a pod's volumes, mirroring k8s.io/kubernetes pkg/apis/core/validation
 * (validateVolumes, validateVolumeSource and the sources' own checks); {@link PodRules} lists them
 * under a pod spec's {@code volumes}.
 */
final class VolumeRules {

  private VolumeRules() {}

  // KeyToPath (secret, configMap, projected items): path relative without '..'; mode 0-0777.
  static final Shape KEY_TO_PATH =
      new Shape("KeyToPath").value("path", relativePath()).value("mode", fileMode());
  static final Shape MODED_SOURCE =
      new Shape("VolumeSource").value("defaultMode", fileMode()).list("items", KEY_TO_PATH);
  static final Shape PROJECTION =
      new Shape("VolumeProjection")
          .object("secret", MODED_SOURCE)
          .object("configMap", MODED_SOURCE)
          .object("downwardAPI", MODED_SOURCE);

  // validateVolumeSource: exactly one source per volume ("must specify a volume type", "may not
  // specify more than 1 volume type"); emptyDir.sizeLimit a quantity; hostPath without '..'.
  static final Shape VOLUME =
      new Shape("Volume")
          .object("secret", MODED_SOURCE)
          .object("configMap", MODED_SOURCE)
          .object("downwardAPI", MODED_SOURCE)
          .object(
              "projected",
              new Shape("Projected").value("defaultMode", fileMode()).list("sources", PROJECTION))
          .object("emptyDir", new Shape("EmptyDir").value("sizeLimit", quantity(true)))
          .object(
              "hostPath",
              new Shape("HostPath")
                  .value(
                      "path",
                      (run, v, at) -> {
                        if (v.isTextual() && Formats.backsteps(v.asText()) != null) {
                          run.error(
                              "invalid-path",
                              at,
                              v,
                              "hostPath must not contain '..'",
                              "a path without '..'",
                              null);
                        }
                      },
                      VolumeRules::hostPathRoots))
          .rule(VolumeRules::oneVolumeSource);

  private static final Set<String> VOLUME_SOURCES =
      Set.of(
          "hostPath",
          "emptyDir",
          "gcePersistentDisk",
          "awsElasticBlockStore",
          "gitRepo",
          "secret",
          "nfs",
          "iscsi",
          "glusterfs",
          "persistentVolumeClaim",
          "rbd",
          "flexVolume",
          "cinder",
          "cephfs",
          "flocker",
          "downwardAPI",
          "fc",
          "azureFile",
          "configMap",
          "vsphereVolume",
          "quobyte",
          "azureDisk",
          "photonPersistentDisk",
          "projected",
          "portworxVolume",
          "scaleIO",
          "storageos",
          "csi",
          "ephemeral",
          "image");

  private static void oneVolumeSource(RuleRun run, JsonNode volume, At at) {
    List<String> sources = new ArrayList<>();
    boolean misspelt = false;
    for (Map.Entry<String, JsonNode> e : volume.properties()) {
      if (VOLUME_SOURCES.contains(e.getKey()) && !e.getValue().isNull()) {
        sources.add(e.getKey());
      } else if (!e.getKey().equals("name")) {
        misspelt = true;
      }
    }
    if (sources.size() > 1) {
      run.error(
          "volume-source-count",
          at.child(sources.get(1)),
          null,
          "a volume with more than one source: " + String.join(", ", sources),
          "exactly one volume source",
          null);
    } else if (sources.isEmpty() && !misspelt) {
      // A misspelt source (hostpath) is the schema's unknown-field; saying "no source" too is
      // noise.
      run.error(
          "volume-source-count",
          at,
          null,
          "a volume without a source",
          "one volume source such as emptyDir, configMap, secret or persistentVolumeClaim",
          null);
    }
  }

  /** Warning {@code hostpath-outside-roots}: a hostPath outside the declared host roots. */
  private static void hostPathRoots(RuleRun run, JsonNode v, At at) {
    Set<String> roots = run.context.hostPathRoots();
    if (roots.isEmpty() || !v.isTextual() || !v.asText().startsWith("/")) {
      return;
    }
    String p = v.asText();
    for (String root : roots) {
      String r = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
      if (p.equals(r) || p.startsWith(r + "/") || r.isEmpty()) {
        return;
      }
    }
    run.warning(
        "hostpath-outside-roots",
        at,
        v,
        "hostPath outside the lab's host roots",
        "a path under " + String.join(" or ", roots),
        "the node directories the lab prepares are its roots; other paths may not exist");
  }
}
