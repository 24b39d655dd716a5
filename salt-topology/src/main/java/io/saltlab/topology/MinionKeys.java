package io.saltlab.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.ApiVersions;
import io.saltlab.core.internal.tree.KubeTrees;
import java.util.List;

/**
 * Where each minion keeps its key pair, so that it outlives the pod: a claim per minion id (a
 * {@code volumeClaimTemplates} entry for a STATEFUL role, a PersistentVolumeClaim for a FIXED one)
 * and, for each claim, a PersistentVolume the lab renders on the node's disk, bound to that claim
 * in advance. That needs nothing from the cluster, not even a StorageClass: a kubeadm lab cluster
 * has none. A cluster with a default StorageClass gives the claims its storage instead (which then
 * also follows a pod to another node), and the lab's volumes stay unused.
 *
 * <p>A host-path volume stays on its node: a minion re-created on another node finds no key there,
 * makes a new one and is accepted again through the stale-key reactor ({@link SaltTemplates}).
 */
final class MinionKeys {
  /** Where the key volumes live on the nodes: {@code <root>/<namespace>/<minion id>}. */
  static final String HOST_ROOT = "/var/lib/saltlab";

  /** A key pair and the master's public key take a few kilobytes. */
  static final String SIZE = "1Mi";

  private MinionKeys() {}

  /** The spec of a key claim: one node at a time, the size of a key pair. */
  private static ObjectNode claimSpec() {
    ObjectNode spec = KubeTrees.object();
    KubeTrees.putStrings(spec, "accessModes", List.of("ReadWriteOnce"));
    spec.putObject("resources").putObject("requests").put("storage", SIZE);
    return spec;
  }

  /** The claim of a FIXED role's minion. */
  static ObjectNode claim(SaltLab lab, AppRole role) {
    ObjectNode claim =
        KubeTrees.resource(
            "v1",
            "PersistentVolumeClaim",
            LabTranslator.metadata(lab, LabNames.minionKeyClaim(role, role.name()), null));
    claim.set("spec", claimSpec());
    return claim;
  }

  /**
   * The volume of one minion id, bound in advance to its claim, kept when the claim goes ({@code
   * Retain}): scaling down and up again finds the same key.
   */
  static ObjectNode volume(SaltLab lab, AppRole role, String minionId, ApiVersions api) {
    ObjectNode volume =
        KubeTrees.resource(
            "v1",
            "PersistentVolume",
            KubeTrees.metadata(LabNames.minionKeyVolume(lab, minionId), null));
    ObjectNode spec = volume.putObject("spec");
    KubeTrees.putStrings(spec, "accessModes", List.of("ReadWriteOnce"));
    spec.putObject("capacity").put("storage", SIZE);
    ObjectNode claimRef = spec.putObject("claimRef");
    claimRef.put("name", LabNames.minionKeyClaim(role, minionId));
    claimRef.put("namespace", lab.namespace());
    ObjectNode hostPath = spec.putObject("hostPath");
    hostPath.put("path", HOST_ROOT + "/" + lab.namespace() + "/" + minionId);
    if (api.supportsHostPathType()) {
      hostPath.put("type", "DirectoryOrCreate");
    }
    spec.put("persistentVolumeReclaimPolicy", "Retain");
    return volume;
  }
}
