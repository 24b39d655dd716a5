package io.saltlab.topology.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.customize.CustomizationException;
import io.saltlab.core.customize.Customizations;
import io.saltlab.core.customize.Target;
import io.saltlab.core.internal.customize.JsonPatch;
import io.saltlab.core.internal.customize.PatchFiles;
import io.saltlab.core.internal.customize.StrategicMerge;
import io.saltlab.core.internal.customize.YamlTrees;
import io.saltlab.topology.spec.internal.SpecValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a spec file's {@code patches:} and {@code objects:} into the lab's {@link Customizations}:
 * every patch's shape is checked here, so that a malformed operation is reported at its own line
 * and column, and files are read as hostile input ({@link PatchFiles}). Each customization is named
 * in later messages (a target that matches nothing) by its place in the spec, for example {@code
 * patches[2] (line 41)}.
 */
final class CustomizationBinder {
  private final Path baseDirectory;

  CustomizationBinder(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  /** The customizations, or empty when any part had a problem (reported where it was written). */
  Optional<Customizations> customizations(SpecValue lab) {
    Customizations.Builder c = Customizations.builder();
    boolean clean = true;
    for (SpecValue patch : lab.list("patches")) {
      clean &= patch(c, patch);
    }
    for (SpecValue object : lab.list("objects")) {
      clean &= object(c, object);
    }
    if (!clean || !lab.clean()) {
      return Optional.empty();
    }
    try {
      return Optional.of(c.build());
    } catch (CustomizationException e) {
      // The checks above are the builder's own; anything left is reported at the lab.
      e.problems().forEach(lab::problem);
      return Optional.empty();
    }
  }

  private static String name(SpecValue v) {
    return v.path() + " (line " + v.line() + ")";
  }

  private boolean patch(Customizations.Builder c, SpecValue patch) {
    Optional<SpecValue> targetValue = patch.get("target");
    Target target = null;
    if (targetValue.isPresent()) {
      SpecValue t = targetValue.get();
      Optional<String> kind = t.text("kind");
      Optional<String> name = t.text("name");
      if (kind.isPresent() && name.isPresent()) {
        try {
          target = Target.of(kind.get(), name.get());
          Optional<String> namespace = t.text("namespace");
          if (namespace.isPresent()) {
            target = target.in(namespace.get());
          }
        } catch (IllegalArgumentException e) {
          t.problem(e.getMessage());
        }
      }
    }
    if (target == null || !patch.clean()) {
      return false;
    }
    c.source(name(patch));
    Optional<SpecValue> json = patch.get("jsonPatch");
    if (json.isPresent()) {
      return jsonPatch(c, target, json.get().tree(), json.get(), "");
    }
    Optional<SpecValue> merge = patch.get("strategicMerge");
    if (merge.isPresent()) {
      return strategicMerge(c, target, merge.get().tree(), merge.get(), "");
    }
    SpecValue file = patch.get("file").orElseThrow();
    JsonNode tree;
    try {
      tree = YamlTrees.document(file.asText(), PatchFiles.read(baseDirectory, file.asText()));
    } catch (IllegalArgumentException e) {
      file.problem(e.getMessage());
      return false;
    }
    if (tree.isArray()) {
      return jsonPatch(c, target, tree, file, file.asText() + ": ");
    }
    if (tree.isObject()) {
      return strategicMerge(c, target, tree, file, file.asText() + ": ");
    }
    file.problem(
        file.asText()
            + " holds neither a list (a JSON patch) nor a mapping (a strategic-merge patch)");
    return false;
  }

  private static boolean jsonPatch(
      Customizations.Builder c, Target target, JsonNode tree, SpecValue at, String file) {
    List<JsonPatch.Problem> problems = new ArrayList<>();
    JsonPatch.parse(tree, problems);
    for (JsonPatch.Problem p : problems) {
      if (!file.isEmpty() || p.operation() < 0) {
        at.problem(
            file
                + (p.operation() < 0 ? "" : "operation " + (p.operation() + 1) + ": ")
                + p.message());
      } else if (p.member().isEmpty()) {
        at.problemAt(List.of(p.operation()), p.message());
      } else {
        at.problemAt(List.of(p.operation(), p.member()), p.message());
      }
    }
    if (!problems.isEmpty()) {
      return false;
    }
    c.jsonPatch(target, tree);
    return true;
  }

  private static boolean strategicMerge(
      Customizations.Builder c, Target target, JsonNode tree, SpecValue at, String file) {
    List<String> problems = new ArrayList<>();
    StrategicMerge.parse(tree, problems);
    problems.forEach(p -> at.problem(file + p));
    if (!problems.isEmpty()) {
      return false;
    }
    c.strategicMerge(target, tree);
    return true;
  }

  private boolean object(Customizations.Builder c, SpecValue object) {
    Optional<SpecValue> file = object.get("file");
    if (file.isEmpty() || !object.clean()) {
      return false;
    }
    String name = file.get().asText();
    List<JsonNode> docs;
    try {
      docs = YamlTrees.documents(name, PatchFiles.read(baseDirectory, name));
    } catch (IllegalArgumentException e) {
      file.get().problem(e.getMessage());
      return false;
    }
    if (docs.isEmpty()) {
      file.get().problem(name + " holds no object; expected one or more Kubernetes objects");
      return false;
    }
    boolean clean = true;
    for (int i = 0; i < docs.size(); i++) {
      JsonNode doc = docs.get(i);
      if (!doc.path("apiVersion").isTextual()
          || !doc.path("kind").isTextual()
          || !doc.path("metadata").path("name").isTextual()) {
        file.get()
            .problem(
                name
                    + ", document "
                    + (i + 1)
                    + ": an extra object needs apiVersion, kind and metadata.name");
        clean = false;
      }
    }
    if (clean) {
      c.source(name(object) + ", " + name);
      docs.forEach(c::add);
    }
    return clean;
  }
}
