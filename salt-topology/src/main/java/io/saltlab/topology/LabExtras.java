package io.saltlab.topology;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.ApiVersions;
import io.saltlab.core.internal.tree.KubeTrees;
import io.saltlab.core.internal.tree.PodTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects and Service settings a role's settings add beside its workload: the Service's type,
 * node ports, labels and annotations; the ConfigMaps of files volumes; the PodDisruptionBudget; and
 * the namespace's NetworkPolicies.
 */
final class LabExtras {
  private LabExtras() {}

  /**
   * Applies a role's exposure to its Service: headless unless another type is asked for.
   *
   * @param service the Service as {@code LabTranslator} builds it (headless)
   */
  static void exposure(ObjectNode service, AppRole role) {
    ObjectNode spec = (ObjectNode) service.get("spec");
    Exposure e = role.exposure();
    if (e.type() != Exposure.Type.Headless) {
      spec.remove("clusterIP");
      spec.put("type", e.type().name());
    }
    if (spec.has("ports")) {
      for (com.fasterxml.jackson.databind.JsonNode port : spec.get("ports")) {
        Integer fixed = e.nodePorts().get(port.path("name").asText());
        if (fixed != null) {
          ((ObjectNode) port).put("nodePort", fixed);
        }
      }
    }
    ObjectNode metadata = (ObjectNode) service.get("metadata");
    KubeTrees.addLabels(metadata, role.serviceLabels());
    PodTrees.addAnnotations(metadata, role.serviceAnnotations());
  }

  /** The ConfigMaps of the role's files volumes, one per volume. */
  static List<ObjectNode> filesConfigMaps(SaltLab lab, AppRole role) {
    List<ObjectNode> out = new ArrayList<>();
    for (RoleVolume v : role.volumes()) {
      if (v instanceof RoleVolume.Files f) {
        ObjectNode configMap =
            KubeTrees.resource(
                "v1", "ConfigMap", LabTranslator.metadata(lab, LabNames.roleFiles(role, v), null));
        KubeTrees.putStringMap(configMap, "data", f.files());
        out.add(configMap);
      }
    }
    return out;
  }

  /** The role's PodDisruptionBudget, selecting its pods. */
  static ObjectNode disruptionBudget(
      SaltLab lab, AppRole role, DisruptionBudget budget, ApiVersions api) {
    Map<String, String> selector = Labels.selector(lab, role.name());
    ObjectNode pdb =
        KubeTrees.resource(
            api.podDisruptionBudget(),
            "PodDisruptionBudget",
            LabTranslator.metadata(lab, LabNames.disruptionBudget(role), selector));
    ObjectNode spec = pdb.putObject("spec");
    String field = budget.minAvailable().isPresent() ? "minAvailable" : "maxUnavailable";
    String value = budget.minAvailable().orElseGet(() -> budget.maxUnavailable().get());
    if (value.endsWith("%")) {
      spec.put(field, value);
    } else {
      spec.put(field, Integer.parseInt(value));
    }
    KubeTrees.putStringMap(spec.putObject("selector"), "matchLabels", selector);
    return pdb;
  }

  /**
   * The namespace's NetworkPolicies: one that admits only the namespace's own pods to every pod,
   * and one per role exposed outside the cluster (NodePort, LoadBalancer) that admits anyone to
   * that role's ports.
   */
  static List<ObjectNode> networkPolicies(SaltLab lab, ApiVersions api) {
    String apiVersion = api.networkPolicy().orElseThrow();
    List<ObjectNode> out = new ArrayList<>();
    ObjectNode isolation =
        KubeTrees.resource(
            apiVersion,
            "NetworkPolicy",
            LabTranslator.metadata(lab, LabNames.isolationPolicy(lab), null));
    ObjectNode spec = isolation.putObject("spec");
    spec.putObject("podSelector");
    spec.putArray("ingress").addObject().putArray("from").addObject().putObject("podSelector");
    out.add(isolation);
    for (AppRole role : lab.roles()) {
      Exposure.Type type = role.exposure().type();
      if (type != Exposure.Type.NodePort && type != Exposure.Type.LoadBalancer) {
        continue;
      }
      ObjectNode policy =
          KubeTrees.resource(
              apiVersion,
              "NetworkPolicy",
              LabTranslator.metadata(lab, LabNames.ingressPolicy(role), null));
      ObjectNode s = policy.putObject("spec");
      KubeTrees.putStringMap(
          s.putObject("podSelector"), "matchLabels", Labels.selector(lab, role.name()));
      ArrayNode ports = s.putArray("ingress").addObject().putArray("ports");
      for (RolePort p : role.ports()) {
        ObjectNode port = ports.addObject();
        port.put("port", p.port());
        port.put("protocol", "TCP");
      }
      out.add(policy);
    }
    return out;
  }
}
