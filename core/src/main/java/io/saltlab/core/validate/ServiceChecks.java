package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rules between a Service and the pods it selects: port names of multi-port Services, a selector
 * that matches some pod template in the namespace, and target ports those pods declare. Matching
 * starts from the rarest selector label, through the index, so it stays linear in the input.
 */
final class ServiceChecks {

  private ServiceChecks() {}

  static void checkService(CrossRun r, Manifest m) {
    JsonNode spec = m.doc.path("spec");
    JsonNode ports = CrossIndex.array(spec.path("ports"));
    if (ports.size() > 1) {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < ports.size(); i++) {
        JsonNode name = ports.get(i).path("name");
        String at = FieldPaths.index("spec.ports", i) + ".name";
        if (!name.isTextual() || name.asText().isEmpty()) {
          r.out.add(
              m.problem("service-port-name-required", at)
                  .message("a Service with several ports must name each of them")
                  .expected("a port name such as " + (i == 0 ? "salt-publish" : "port-" + i))
                  .build());
        } else if (!names.add(name.asText())) {
          r.out.add(
              m.problem("duplicate-port-name", at)
                  .message("duplicate Service port name")
                  .value(name.asText())
                  .expected("unique port names")
                  .build());
        }
      }
    }
    JsonNode selector = spec.path("selector");
    if ("ExternalName".equals(spec.path("type").asText())
        || !selector.isObject()
        || selector.size() == 0) {
      return;
    }
    MetadataChecks.checkLabels(r, m, "spec.selector", selector);
    Map<String, String> wanted = new TreeMap<>();
    selector.properties().forEach(e -> wanted.put(e.getKey(), e.getValue().asText()));
    // Only r.index.templates carrying every selector label can match: start from the rarest one.
    List<PodTemplate> candidates = null;
    for (Map.Entry<String, String> label : wanted.entrySet()) {
      List<PodTemplate> carrying =
          r.index.templatesByLabel.getOrDefault(
              List.of(m.namespace(), label.getKey(), label.getValue()), List.of());
      if (candidates == null || carrying.size() < candidates.size()) {
        candidates = carrying;
      }
    }
    List<PodTemplate> selected = new ArrayList<>();
    for (PodTemplate t : candidates) {
      if (t.labels().entrySet().containsAll(wanted.entrySet())) {
        selected.add(t);
      }
    }
    if (selected.isEmpty()) {
      List<PodTemplate> sameNamespace =
          r.index.templatesByNamespace.getOrDefault(m.namespace(), List.of());
      r.out.add(
          m.problem("selector-matches-no-pod", "spec.selector")
              .warning()
              .message("Service selector matches no pod template in namespace " + m.namespace())
              .value(FieldPaths.render(selector))
              .expected(
                  "the labels of at least one pod template (Deployment, StatefulSet, DaemonSet, "
                      + "ReplicaSet, Job or Pod) in namespace "
                      + m.namespace())
              .hint(selectorHint(wanted, sameNamespace))
              .build());
      return;
    }
    checkTargetPorts(r, m, ports, selected);
  }

  /**
   * Warning {@code statefulset-service-missing}: a StatefulSet's serviceName should name a
   * (headless) Service in its namespace; the API server accepts any name, but the pods then get no
   * stable DNS names.
   */
  static void checkStatefulSetService(CrossRun r, Manifest m) {
    JsonNode name = m.doc.path("spec").path("serviceName");
    if (!name.isTextual() || name.asText().isEmpty()) {
      return;
    }
    if (r.index.services.containsKey(m.namespace() + "/" + name.asText())) {
      return;
    }
    r.out.add(
        m.problem("statefulset-service-missing", "spec.serviceName")
            .warning()
            .message(
                "serviceName names Service "
                    + name.asText()
                    + ", which is not in namespace "
                    + m.namespace()
                    + " in the input")
            .value(name.asText())
            .expected("a headless Service (clusterIP: None) of that name in the same namespace")
            .hint(
                "without it the pods get no stable DNS names (pod-0."
                    + name.asText()
                    + "...); add the Service, or ignore this if it exists in the cluster")
            .build());
  }

  static String selectorHint(Map<String, String> wanted, List<PodTemplate> candidates) {
    if (candidates.isEmpty()) {
      return "there is no pod template in this namespace; the Service would have no endpoints";
    }
    for (PodTemplate t : candidates) {
      for (Map.Entry<String, String> label : t.labels().entrySet()) {
        if (wanted.containsValue(label.getValue())) {
          return "did you mean "
              + label.getKey()
              + ": "
              + label.getValue()
              + "? "
              + t.owner.resource()
              + " carries labels "
              + t.labels();
        }
      }
    }
    StringBuilder sb = new StringBuilder("pod templates here carry ");
    for (int i = 0; i < candidates.size() && i < 3; i++) {
      PodTemplate t = candidates.get(i);
      sb.append(i == 0 ? "" : ", ").append(t.owner.resource()).append(' ').append(t.labels());
    }
    return sb.toString();
  }

  static void checkTargetPorts(CrossRun r, Manifest m, JsonNode ports, List<PodTemplate> selected) {
    Map<String, Boolean> names = new TreeMap<>();
    Set<Integer> numbers = new TreeSet<>();
    for (PodTemplate t : selected) {
      for (JsonNode c : CrossIndex.containers(t.spec())) {
        for (JsonNode p : c.path("ports")) {
          if (p.path("name").isTextual()) {
            names.put(p.path("name").asText(), true);
          }
          if (p.path("containerPort").canConvertToInt()) {
            numbers.add(p.path("containerPort").asInt());
          }
        }
      }
    }
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      JsonNode target = port.path("targetPort");
      String at =
          FieldPaths.index("spec.ports", i)
              + (target.isMissingNode() || target.isNull() ? ".port" : ".targetPort");
      JsonNode effective = target.isMissingNode() || target.isNull() ? port.path("port") : target;
      String text = effective.asText();
      if (effective.isNumber() || text.matches("\\d+")) {
        int number = effective.isNumber() ? effective.asInt() : Integer.parseInt(text);
        if (!numbers.contains(number)) {
          r.out.add(
              m.problem("target-port-not-found", at)
                  .warning()
                  .message(
                      (at.endsWith(".port") ? "targetPort defaults to port " : "targetPort ")
                          + number
                          + ", which no selected container declares")
                  .value(String.valueOf(number))
                  .expected(
                      "a containerPort of the selected pods: "
                          + (numbers.isEmpty() ? "none declared" : numbers))
                  .hint("declare the port on the container, or point targetPort at a declared one")
                  .build());
        }
      } else if (effective.isTextual() && !names.containsKey(text)) {
        r.out.add(
            m.problem("target-port-not-found", at)
                .warning()
                .message("targetPort names port " + text + ", which no selected container declares")
                .value(text)
                .expected(
                    "a container port name of the selected pods: "
                        + (names.isEmpty() ? "none declared" : String.join(", ", names.keySet())))
                .hint("name the container port " + text + ", or use its number")
                .build());
      }
    }
  }
}
