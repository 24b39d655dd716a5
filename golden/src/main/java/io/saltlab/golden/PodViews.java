package io.saltlab.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One-line views of pod tree parts, for assertion messages and comparisons. */
final class PodViews {
  private PodViews() {}

  static String probe(JsonNode p) {
    if (p.has("httpGet")) {
      return "httpGet "
          + p.path("httpGet").path("path").asText()
          + " on "
          + p.path("httpGet").path("port").asText();
    }
    if (p.has("tcpSocket")) {
      return "tcpSocket on " + p.path("tcpSocket").path("port").asText();
    }
    if (p.has("exec")) {
      List<String> command = new ArrayList<>();
      p.path("exec").path("command").forEach(x -> command.add(x.asText()));
      return "exec " + String.join(" ", command);
    }
    return "none";
  }

  static String firstSource(JsonNode volume) {
    for (java.util.Map.Entry<String, JsonNode> e : volume.properties()) {
      if (!e.getKey().equals("name")) {
        return e.getKey();
      }
    }
    return "(empty)";
  }

  static String envSource(JsonNode from) {
    return from.has("secretKeyRef")
        ? "secretKeyRef "
            + from.path("secretKeyRef").path("name").asText()
            + "/"
            + from.path("secretKeyRef").path("key").asText()
        : from.has("configMapKeyRef")
            ? "configMapKeyRef "
                + from.path("configMapKeyRef").path("name").asText()
                + "/"
                + from.path("configMapKeyRef").path("key").asText()
            : from.has("fieldRef")
                ? "fieldRef " + from.path("fieldRef").path("fieldPath").asText()
                : "value";
  }
}
