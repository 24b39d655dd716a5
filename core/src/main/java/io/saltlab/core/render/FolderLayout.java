package io.saltlab.core.render;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.topology.TopologyDiagram;
import io.saltlab.core.internal.yaml.YamlWriter;
import io.saltlab.core.write.FolderFiles;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files of a target folder in a layout, from the objects' identities and a way to write each
 * object's YAML: shared by {@link Manifests}, which holds every YAML text, and {@link
 * StreamedManifests}, which reads them back from its spool file. Both thus give the same bytes.
 */
final class FolderLayout {

  /** Writes the YAML of the object at an index of the output order. */
  @FunctionalInterface
  interface YamlOf {
    void write(int index, Writer out) throws IOException;
  }

  private FolderLayout() {}

  /**
   * The folder: the stream (with the header, {@code ---} before each object) or one file per object
   * (each with the header), {@code kustomization.yaml} and {@code topology.md}. Every object's file
   * is written from its YAML when the folder writer asks, never joined into one text first: a large
   * lab's stream would otherwise be held twice.
   */
  static FolderFiles folder(
      KubernetesVersion target,
      List<RenderedResource> resources,
      YamlOf yaml,
      Layout layout,
      String topology) {
    String header = Manifests.header(target);
    FolderFiles.Builder folder = FolderFiles.builder();
    if (layout == Layout.STREAM) {
      FolderFiles.Content stream =
          out -> {
            out.write(header);
            for (int i = 0; i < resources.size(); i++) {
              out.write("---\n");
              yaml.write(i, out);
            }
          };
      if (resources.stream().anyMatch(FolderLayout::isSecret)) {
        folder.addPrivate(Manifests.STREAM_FILE, stream);
      } else {
        folder.add(Manifests.STREAM_FILE, stream);
      }
      folder.add(Manifests.KUSTOMIZATION, kustomization(header, List.of(Manifests.STREAM_FILE)));
    } else {
      List<String> names = fileNames(resources);
      for (int i = 0; i < resources.size(); i++) {
        int index = i;
        FolderFiles.Content content =
            out -> {
              out.write(header);
              yaml.write(index, out);
            };
        if (isSecret(resources.get(i))) {
          folder.addPrivate(names.get(i), content);
        } else {
          folder.add(names.get(i), content);
        }
      }
      folder.add(Manifests.KUSTOMIZATION, kustomization(header, names));
    }
    folder.add(TopologyDiagram.FILE, topology);
    return folder.build();
  }

  /**
   * Each object's file name in the folder form, in output order: {@code <kind>-<name>.yaml}, with
   * the namespace added when two objects would share a name.
   */
  static List<String> fileNames(List<RenderedResource> resources) {
    Set<String> plainNames = new HashSet<>();
    Set<String> clashing = new HashSet<>();
    for (RenderedResource r : resources) {
      if (!plainNames.add(plainFileName(r))) {
        clashing.add(plainFileName(r));
      }
    }
    List<String> names = new ArrayList<>(resources.size());
    for (RenderedResource r : resources) {
      String file = plainFileName(r);
      if (clashing.contains(file)) {
        file = r.kind().toLowerCase(Locale.ROOT) + "-" + r.namespace() + "-" + r.name() + ".yaml";
      }
      names.add(file);
    }
    return names;
  }

  /** The kustomize index naming the objects' files in order. */
  static String kustomization(String header, List<String> resourceFiles) {
    StringBuilder kustomization = new StringBuilder(header);
    kustomization.append("apiVersion: kustomize.config.k8s.io/v1beta1\n");
    kustomization.append("kind: Kustomization\n");
    kustomization.append("resources:\n");
    for (String file : resourceFiles) {
      kustomization.append("- ").append(YamlWriter.quoteIfNeeded(file)).append('\n');
    }
    return kustomization.toString();
  }

  private static boolean isSecret(RenderedResource r) {
    return r.kind().equals("Secret");
  }

  private static String plainFileName(RenderedResource r) {
    return r.kind().toLowerCase(Locale.ROOT) + "-" + r.name() + ".yaml";
  }
}
