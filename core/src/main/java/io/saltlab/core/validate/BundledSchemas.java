package io.saltlab.core.validate;

import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which Kubernetes versions have a schema bundled in saltlab (generated at build time by the
 * schema-tools module's SchemaConverter). For the others (1.12-1.27, for which no OpenAPI document
 * could be obtained) documents are not schema-checked, and reports say so. The public face of this
 * list is {@link ManifestValidator#schemaVersions()}.
 */
final class BundledSchemas {

  /** Classpath folder of the bundled schemas (with a trailing slash). */
  static final String RESOURCE_DIR = "io/saltlab/core/schemas/";

  private static final List<KubernetesVersion> VERSIONS = readIndex();

  private BundledSchemas() {}

  /** The versions with a bundled schema, oldest first, unmodifiable. */
  static List<KubernetesVersion> versions() {
    return VERSIONS;
  }

  /** Whether a schema is bundled for a version. */
  static boolean isBundled(KubernetesVersion version) {
    return VERSIONS.contains(version);
  }

  /**
   * The notice a report carries for a target without a schema: {@code not schema-checked: no schema
   * bundled for 1.20; bundled: 1.5, 1.6, ...}, then which checks could not run and which did.
   */
  static String notBundledNotice(KubernetesVersion version) {
    return "not schema-checked: no schema bundled for "
        + version
        + "; bundled: "
        + VERSIONS.stream().map(KubernetesVersion::toString).collect(Collectors.joining(", "))
        + "; not checked: unknown fields, required fields and value types; checked: apiVersion"
        + " and kind served, value rules and cross-object rules";
  }

  private static List<KubernetesVersion> readIndex() {
    String resource = RESOURCE_DIR + "versions.txt";
    try (InputStream in = BundledSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("saltlab is built without its schema index " + resource);
      }
      List<KubernetesVersion> versions = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          versions.add(KubernetesVersion.of(line.trim()));
        }
      }
      Collections.sort(versions);
      return Collections.unmodifiableList(versions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
