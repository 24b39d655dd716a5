package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules on each pod template (and Pod): template namespace, pull Secrets, volumes and host paths,
 * containers, ports, environment and mounts, and the objects they refer to.
 */
final class PodChecks {

  private PodChecks() {}

  static final Pattern SHELL_VARIABLE =
      Pattern.compile("\\$(\\{[^}]*}|\\([^)]*\\)|[A-Za-z_][A-Za-z0-9_]*)");
  static final Set<String> HOST_PATH_TYPES =
      Set.of(
          "",
          "DirectoryOrCreate",
          "Directory",
          "FileOrCreate",
          "File",
          "Socket",
          "CharDevice",
          "BlockDevice");

  static void checkPodTemplate(CrossRun r, PodTemplate t) {
    Manifest m = t.owner;
    String ns = m.namespace();
    if (!t.at.isEmpty()) {
      JsonNode tns = t.node.path("metadata").path("namespace");
      if (!tns.isMissingNode() && !tns.isNull()) {
        r.out.add(
            m.problem("pod-template-namespace", FieldPaths.sub(t.at, "metadata.namespace"))
                .message("a pod template must not set a namespace")
                .value(tns.asText())
                .expected(
                    "no metadata.namespace in the template; pods always run in the namespace of "
                        + m.resource())
                .hint("remove it; only the object's own metadata.namespace counts")
                .build());
      }
      MetadataChecks.checkLabels(
          r, m, FieldPaths.sub(t.at, "metadata.labels"), t.node.path("metadata").path("labels"));
      MetadataChecks.checkAnnotationKeys(
          r,
          m,
          FieldPaths.sub(t.at, "metadata.annotations"),
          t.node.path("metadata").path("annotations"));
    }
    String spec = t.specPath();
    JsonNode podSpec = t.spec();

    // Field paths are only built for a problem: most pods have none.
    JsonNode pullSecrets = CrossIndex.array(podSpec.path("imagePullSecrets"));
    for (int i = 0; i < pullSecrets.size(); i++) {
      int index = i;
      Supplier<String> path =
          () -> FieldPaths.index(FieldPaths.child(spec, "imagePullSecrets"), index) + ".name";
      JsonNode name = pullSecrets.get(i).path("name");
      if (name.isTextual()) {
        ReferenceChecks.requireSecret(r, m, path, name.asText(), null, false);
        Manifest s = r.index.secrets.get(ns + "/" + name.asText());
        String type = s == null ? null : s.doc.path("type").asText("");
        if (type != null
            && !type.equals("kubernetes.io/dockercfg")
            && !type.equals("kubernetes.io/dockerconfigjson")) {
          r.out.add(
              m.problem("pull-secret-type", path.get())
                  .message(
                      "image pull secret "
                          + name.asText()
                          + " has type "
                          + (type.isEmpty() ? "Opaque" : type))
                  .value(name.asText())
                  .expected(
                      "a Secret of type kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg")
                  .build());
        }
      }
    }

    Set<String> volumeNames = new TreeSet<>();
    if (m.isKind("StatefulSet")) {
      // A StatefulSet's volumeClaimTemplates are volumes of every pod it makes (apps validation
      // accepts mounts of them), though they are not listed under the template's volumes.
      for (JsonNode claim : CrossIndex.array(m.doc.path("spec").path("volumeClaimTemplates"))) {
        if (claim.path("metadata").path("name").isTextual()) {
          volumeNames.add(claim.path("metadata").path("name").asText());
        }
      }
    }
    JsonNode volumes = CrossIndex.array(podSpec.path("volumes"));
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode v = volumes.get(i);
      int index = i;
      Supplier<String> at = () -> FieldPaths.index(FieldPaths.child(spec, "volumes"), index);
      JsonNode name = v.path("name");
      if (name.isTextual()) {
        String why = r.index.dns1123Label(name.asText());
        if (why != null) {
          r.out.add(
              m.problem("invalid-name", at.get() + ".name")
                  .message("invalid volume name: " + why)
                  .value(name.asText())
                  .expected("a DNS-1123 label")
                  .build());
        }
        if (!volumeNames.add(name.asText())) {
          r.out.add(
              m.problem("duplicate-volume-name", at.get() + ".name")
                  .message("duplicate volume name")
                  .value(name.asText())
                  .expected("unique volume names within the pod")
                  .build());
        }
      }
      // A misspelt key (the seed lab's "hostpath") is checked too: the author meant a hostPath, and
      // its path is worth fixing in the same pass as the key.
      v.properties()
          .forEach(
              e -> {
                if (e.getKey().equalsIgnoreCase("hostPath")) {
                  checkHostPath(r, m, FieldPaths.child(at.get(), e.getKey()), e.getValue());
                }
              });
      JsonNode secret = v.path("secret");
      if (secret.path("secretName").isTextual()) {
        ReferenceChecks.requireSecret(
            r,
            m,
            () -> at.get() + ".secret.secretName",
            secret.path("secretName").asText(),
            null,
            secret.path("optional").asBoolean(false));
      }
      JsonNode cm = v.path("configMap");
      if (cm.path("name").isTextual()) {
        ReferenceChecks.requireConfigMap(
            r,
            m,
            () -> at.get() + ".configMap.name",
            cm.path("name").asText(),
            null,
            cm.path("optional").asBoolean(false));
      }
      JsonNode sources = CrossIndex.array(v.path("projected").path("sources"));
      for (int j = 0; j < sources.size(); j++) {
        int source = j;
        Supplier<String> sat = () -> FieldPaths.index(at.get() + ".projected.sources", source);
        JsonNode s = sources.get(j);
        if (s.path("secret").path("name").isTextual()) {
          ReferenceChecks.requireSecret(
              r,
              m,
              () -> sat.get() + ".secret.name",
              s.path("secret").path("name").asText(),
              null,
              s.path("secret").path("optional").asBoolean(false));
        }
        if (s.path("configMap").path("name").isTextual()) {
          ReferenceChecks.requireConfigMap(
              r,
              m,
              () -> sat.get() + ".configMap.name",
              s.path("configMap").path("name").asText(),
              null,
              s.path("configMap").path("optional").asBoolean(false));
        }
      }
    }

    Set<String> containerNames = new HashSet<>();
    Map<String, String> portNames = new HashMap<>();
    for (String group : List.of("containers", "initContainers")) {
      JsonNode list = CrossIndex.array(podSpec.path(group));
      for (int i = 0; i < list.size(); i++) {
        String at = FieldPaths.index(FieldPaths.child(spec, group), i);
        checkContainer(r, m, at, list.get(i), volumeNames, containerNames, portNames);
      }
    }
  }

  static void checkHostPath(CrossRun r, Manifest m, String at, JsonNode hostPath) {
    JsonNode path = hostPath.path("path");
    if (path.isTextual()) {
      String p = path.asText();
      Matcher var = SHELL_VARIABLE.matcher(p);
      if (var.find()) {
        r.out.add(
            m.problem("hostpath-variable", at + ".path")
                .warning()
                .message(
                    "hostPath uses the shell variable "
                        + var.group()
                        + ", which Kubernetes never expands")
                .value(p)
                .expected("an absolute path on the node, such as /srv/salt/conf")
                .hint(
                    "the kubelet runs no shell: write the real directory, for example /srv"
                        + p.substring(var.end()))
                .build());
      } else if (p.startsWith("~")) {
        r.out.add(
            m.problem("hostpath-tilde", at + ".path")
                .warning()
                .message("hostPath starts with ~, which Kubernetes never expands")
                .value(p)
                .expected("an absolute path on the node, such as /srv/salt/conf")
                .build());
      } else if (!p.startsWith("/")) {
        r.out.add(
            m.problem("hostpath-relative", at + ".path")
                .warning()
                .message("hostPath is not an absolute path")
                .value(p)
                .expected("an absolute path on the node, starting with /")
                .build());
      }
    }
    JsonNode type = hostPath.path("type");
    if (type.isTextual() && !HOST_PATH_TYPES.contains(type.asText())) {
      r.out.add(
          m.problem("hostpath-type", at + ".type")
              .message("unknown hostPath type")
              .value(type.asText())
              .expected(
                  "one of DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice,"
                      + " BlockDevice")
              .hint(
                  Hints.closest(type.asText(), HOST_PATH_TYPES) == null
                      ? null
                      : "did you mean " + Hints.closest(type.asText(), HOST_PATH_TYPES) + "?")
              .build());
    }
  }

  static void checkContainer(
      CrossRun r,
      Manifest m,
      String at,
      JsonNode c,
      Set<String> volumeNames,
      Set<String> containerNames,
      Map<String, String> portNames) {
    JsonNode name = c.path("name");
    if (name.isTextual()) {
      String why = r.index.dns1123Label(name.asText());
      if (why != null) {
        r.out.add(
            m.problem("invalid-name", at + ".name")
                .message("invalid container name: " + why)
                .value(name.asText())
                .expected("a DNS-1123 label")
                .build());
      }
      if (!containerNames.add(name.asText())) {
        r.out.add(
            m.problem("duplicate-container-name", at + ".name")
                .message("duplicate container name")
                .value(name.asText())
                .expected("unique container names within the pod")
                .build());
      }
    }

    JsonNode ports = CrossIndex.array(c.path("ports"));
    Set<String> seenPorts = new HashSet<>();
    for (int j = 0; j < ports.size(); j++) {
      int index = j;
      Supplier<String> pat = () -> FieldPaths.index(at + ".ports", index);
      JsonNode p = ports.get(j);
      JsonNode number = p.path("containerPort");
      if (number.isIntegralNumber()) {
        long n = number.asLong();
        if (n < 1 || n > 65535) {
          r.out.add(
              m.problem("port-out-of-range", pat.get() + ".containerPort")
                  .message("container port out of range")
                  .value(String.valueOf(n))
                  .expected("a port number from 1 to 65535")
                  .build());
        } else if (!seenPorts.add(n + "/" + p.path("protocol").asText("TCP"))) {
          r.out.add(
              m.problem("duplicate-container-port", pat.get() + ".containerPort")
                  .message(
                      "container port "
                          + n
                          + "/"
                          + p.path("protocol").asText("TCP")
                          + " declared twice")
                  .value(String.valueOf(n))
                  .expected("each port and protocol once per container")
                  .build());
        }
      }
      JsonNode pname = p.path("name");
      if (pname.isTextual()) {
        String why = r.index.portName(pname.asText());
        if (why != null) {
          r.out.add(
              m.problem("invalid-port-name", pat.get() + ".name")
                  .message("invalid port name: " + why)
                  .value(pname.asText())
                  .expected("an IANA service name: at most 15 of a-z, 0-9, '-'")
                  .build());
        } else if (portNames.putIfAbsent(pname.asText(), at) != null) {
          r.out.add(
              m.problem("duplicate-port-name", pat.get() + ".name")
                  .message("duplicate port name in the pod")
                  .value(pname.asText())
                  .expected("unique port names across the pod's containers")
                  .build());
        }
      }
    }

    JsonNode envFrom = CrossIndex.array(c.path("envFrom"));
    for (int j = 0; j < envFrom.size(); j++) {
      int index = j;
      Supplier<String> eat = () -> FieldPaths.index(at + ".envFrom", index);
      JsonNode e = envFrom.get(j);
      if (e.path("secretRef").path("name").isTextual()) {
        ReferenceChecks.requireSecret(
            r,
            m,
            () -> eat.get() + ".secretRef.name",
            e.path("secretRef").path("name").asText(),
            null,
            e.path("secretRef").path("optional").asBoolean(false));
      }
      if (e.path("configMapRef").path("name").isTextual()) {
        ReferenceChecks.requireConfigMap(
            r,
            m,
            () -> eat.get() + ".configMapRef.name",
            e.path("configMapRef").path("name").asText(),
            null,
            e.path("configMapRef").path("optional").asBoolean(false));
      }
    }
    JsonNode env = CrossIndex.array(c.path("env"));
    for (int j = 0; j < env.size(); j++) {
      int index = j;
      Supplier<String> eat = () -> FieldPaths.index(at + ".env", index) + ".valueFrom";
      JsonNode from = env.get(j).path("valueFrom");
      JsonNode sk = from.path("secretKeyRef");
      if (sk.path("name").isTextual()) {
        ReferenceChecks.requireSecret(
            r,
            m,
            () -> eat.get() + ".secretKeyRef",
            sk.path("name").asText(),
            sk.path("key").asText(null),
            sk.path("optional").asBoolean(false));
      }
      JsonNode ck = from.path("configMapKeyRef");
      if (ck.path("name").isTextual()) {
        ReferenceChecks.requireConfigMap(
            r,
            m,
            () -> eat.get() + ".configMapKeyRef",
            ck.path("name").asText(),
            ck.path("key").asText(null),
            ck.path("optional").asBoolean(false));
      }
    }

    JsonNode mounts = CrossIndex.array(c.path("volumeMounts"));
    Set<String> mountPaths = new HashSet<>();
    for (int j = 0; j < mounts.size(); j++) {
      int index = j;
      Supplier<String> mat = () -> FieldPaths.index(at + ".volumeMounts", index);
      JsonNode mount = mounts.get(j);
      JsonNode vname = mount.path("name");
      if (vname.isTextual() && !volumeNames.contains(vname.asText())) {
        String close = Hints.closest(vname.asText(), volumeNames);
        r.out.add(
            m.problem("mount-without-volume", mat.get() + ".name")
                .message(
                    "volumeMount refers to volume "
                        + vname.asText()
                        + ", which the pod does not define")
                .value(vname.asText())
                .expected(
                    volumeNames.isEmpty()
                        ? "a volume of that name under volumes (the pod has none)"
                        : "one of the pod's volumes: " + String.join(", ", volumeNames))
                .hint(
                    close != null
                        ? "did you mean " + close + "?"
                        : "add the volume to the pod spec")
                .build());
      }
      JsonNode mp = mount.path("mountPath");
      if (mp.isTextual() && !mountPaths.add(mp.asText())) {
        r.out.add(
            m.problem("duplicate-mount-path", mat.get() + ".mountPath")
                .message("mountPath used twice in the container")
                .value(mp.asText())
                .expected("each mountPath once per container")
                .build());
      }
    }
  }
}
