package io.saltlab.core.render;

/** The two forms of a target folder's objects. */
public enum Layout {
  /** One file per object ({@link Manifests#files()}), the default. */
  FILES,
  /** All objects in one multi-document {@code manifests.yaml} ({@link Manifests#streamFiles()}). */
  STREAM
}
