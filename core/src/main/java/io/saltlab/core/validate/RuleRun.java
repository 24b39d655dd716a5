package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.Shape.At;
import java.util.List;

/**
 * The state of applying the value rules to one document: the document, the target (rules that
 * changed between releases follow it), what the cluster is declared to hold, and where problems go.
 */
final class RuleRun {

  final Manifest manifest;
  final KubernetesVersion target;
  final ValidationContext context;
  final List<Problem> out;

  RuleRun(
      Manifest manifest, KubernetesVersion target, ValidationContext context, List<Problem> out) {
    this.manifest = manifest;
    this.target = target;
    this.context = context;
    this.out = out;
  }

  /** Whether the target is 1.{@code minor} or later. */
  boolean since(int minor) {
    return target.minor() >= minor;
  }

  /** A problem builder at a field, with the value shown (masked inside Secrets). */
  Problem.Builder problem(String check, At at, JsonNode value) {
    String path = at.toString();
    Problem.Builder b = manifest.problem(check, path);
    if (value != null) {
      b.value(manifest.shown(path, value));
    }
    return b;
  }

  /** Adds an error. */
  void error(String check, At at, JsonNode value, String message, String expected, String hint) {
    out.add(problem(check, at, value).message(message).expected(expected).hint(hint).build());
  }

  /** Adds a warning: the API server accepts the value, but it breaks or misbehaves at run time. */
  void warning(String check, At at, JsonNode value, String message, String expected, String hint) {
    out.add(
        problem(check, at, value).message(message).expected(expected).hint(hint).warning().build());
  }
}
