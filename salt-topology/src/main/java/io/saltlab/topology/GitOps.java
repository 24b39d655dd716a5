package io.saltlab.topology;

import java.util.Locale;

/**
 * Which GitOps engine the rendered folder is written for, so that the engine applies the lab's
 * objects in dependency order rather than by its own rules: none (the default, today's bytes), Argo
 * CD ({@code argocd.argoproj.io/sync-wave} annotations) or Flux (one {@code Kustomization} per
 * layer, chained with {@code dependsOn}). See {@link ApplyOrder}.
 */
public enum GitOps {
  /** No ordering hints; the folder is exactly what a plain render writes. */
  NONE,
  /** Each object carries the sync wave of its {@link ApplyLayer}. */
  ARGOCD,
  /** Objects are grouped into one folder per layer, each applied by a Flux Kustomization. */
  FLUX;

  /**
   * Parses {@code none}, {@code argocd} or {@code flux}, in any case.
   *
   * @param text the name
   * @return the engine
   * @throws IllegalArgumentException naming the bad value and the accepted ones
   */
  public static GitOps parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "none", "" -> NONE;
      case "argocd", "argo", "argo-cd" -> ARGOCD;
      case "flux", "fluxcd" -> FLUX;
      default ->
          throw new IllegalArgumentException(
              "unknown GitOps engine '" + text + "'; expected one of: none, argocd, flux");
    };
  }

  /** The name accepted by {@link #parse(String)}: {@code none}, {@code argocd} or {@code flux}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
