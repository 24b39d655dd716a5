package io.saltlab.core.render;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.topology.TopologyDiagram;
import io.saltlab.core.validate.ValidationReport;
import io.saltlab.core.write.FolderFiles;
import io.saltlab.core.write.GeneratedFiles;
import io.saltlab.core.write.OutputFolder;
import io.saltlab.core.write.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rendered lab for one target version: its objects in the fixed order, as one multi-document YAML
 * stream or as a folder of one file per object plus a {@code kustomization.yaml}.
 *
 * <p>Immutable and deterministic: the same lab and target always give the same bytes.
 */
public final class Manifests {

  /** The first characters of every file saltlab writes; how saltlab recognises its own files. */
  public static final String HEADER_PREFIX = GeneratedFiles.HEADER_PREFIX;

  /** The first characters of Markdown files saltlab writes: the header as an HTML comment. */
  public static final String MARKDOWN_HEADER_PREFIX = GeneratedFiles.MARKDOWN_HEADER_PREFIX;

  /** Name of the kustomize index written beside the per-object files. */
  public static final String KUSTOMIZATION = "kustomization.yaml";

  /** The file holding every object in the stream form of {@link #streamFiles()}. */
  public static final String STREAM_FILE = "manifests.yaml";

  private final KubernetesVersion target;
  private final List<RenderedResource> resources;
  private final String header;
  private final ValidationReport validation;

  Manifests(
      KubernetesVersion target, List<RenderedResource> resources, ValidationReport validation) {
    this.target = target;
    this.resources = Collections.unmodifiableList(new ArrayList<>(resources));
    this.header = header(target);
    this.validation = validation;
  }

  /**
   * The validation these manifests passed: empty when rendered without validation. A clean report
   * may still say the schema was not checked (no schema bundled for the target): see {@link
   * ValidationReport#schemaNotice()}.
   *
   * @return the report, if validated
   */
  public Optional<ValidationReport> validation() {
    return Optional.ofNullable(validation);
  }

  /**
   * The one-line header of every file: generator version and target, nothing that changes between
   * runs.
   *
   * @param target the target version
   * @return the header line including its line feed
   */
  public static String header(KubernetesVersion target) {
    return HEADER_PREFIX
        + SaltlabVersion.get()
        + " for Kubernetes "
        + target
        + "; do not edit, change the lab and render again.\n";
  }

  /**
   * The header for Markdown files: {@link #header} as an HTML comment, which viewers hide.
   *
   * @param target the target version
   * @return the header line including its line feed
   */
  public static String markdownHeader(KubernetesVersion target) {
    return "<!-- " + header(target).substring(2).strip() + " -->\n";
  }

  /**
   * Puts the saltlab header on a generated text file so tools can tell it from a user's file: as
   * the first line, after a {@code #!} line for scripts, and as an HTML comment for Markdown.
   *
   * @param fileName the file's name, which decides the comment style
   * @param content the file without header
   * @param target the target version named in the header
   * @return the content with its header
   */
  public static String withHeader(String fileName, String content, KubernetesVersion target) {
    if (fileName.endsWith(".md")) {
      return markdownHeader(target) + content;
    }
    if (content.startsWith("#!")) {
      int eol = content.indexOf('\n');
      String shebang = eol < 0 ? content + "\n" : content.substring(0, eol + 1);
      return shebang + header(target) + (eol < 0 ? "" : content.substring(eol + 1));
    }
    return header(target) + content;
  }

  /** The target version these manifests were rendered for. */
  public KubernetesVersion target() {
    return target;
  }

  /** The objects, in the fixed output order. */
  public List<RenderedResource> resources() {
    return resources;
  }

  /**
   * The first object of a kind and name, in any namespace.
   *
   * @param kind a Kubernetes kind such as {@code Deployment}
   * @param name its {@code metadata.name}
   * @return the object, if rendered
   */
  public Optional<RenderedResource> find(String kind, String name) {
    return resources.stream()
        .filter(r -> r.kind().equals(kind) && r.name().equals(name))
        .findFirst();
  }

  /**
   * All objects as one multi-document YAML stream: the header, then each object after a {@code ---}
   * line.
   *
   * @return the stream, LF line endings, ending with a line feed
   */
  public String toYaml() {
    int size = header.length();
    for (RenderedResource r : resources) {
      size += r.yaml().length() + 4;
    }
    StringBuilder out = new StringBuilder(size);
    out.append(header);
    for (RenderedResource r : resources) {
      out.append("---\n").append(r.yaml());
    }
    return out.toString();
  }

  /**
   * The folder form: one file per object named {@code <kind>-<name>.yaml} (with the namespace added
   * when two objects would share a name) and a {@code kustomization.yaml} listing them in the fixed
   * order, each file starting with the header.
   *
   * @return file name to content, in output order with the kustomization last
   */
  public Map<String, String> files() {
    List<String> names = fileNames();
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < resources.size(); i++) {
      files.put(names.get(i), header + resources.get(i).yaml());
    }
    files.put(KUSTOMIZATION, kustomization(names));
    return Collections.unmodifiableMap(files);
  }

  /** Each object's file name in the folder form, in output order. */
  private List<String> fileNames() {
    return FolderLayout.fileNames(resources);
  }

  /**
   * The stream form as files: every object in {@link #STREAM_FILE} ({@link #toYaml()}) and a {@code
   * kustomization.yaml} naming it, so that {@code kubectl apply -k} works on either form.
   *
   * @return file name to content, the stream first
   */
  public Map<String, String> streamFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(STREAM_FILE, toYaml());
    files.put(KUSTOMIZATION, kustomization(List.of(STREAM_FILE)));
    return Collections.unmodifiableMap(files);
  }

  private String kustomization(List<String> resourceFiles) {
    return FolderLayout.kustomization(header, resourceFiles);
  }

  /**
   * Writes the multi-document stream to a file, creating parent folders.
   *
   * @param file the file to write
   * @throws UncheckedIOException when the file cannot be written
   */
  public void writeStream(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        writeYaml(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Everything a target folder holds in the files layout: {@link #files()} and {@code topology.md}
   * (a Mermaid drawing of the objects); the files of Secrets are private.
   *
   * @return the target folder's generated files, as {@code saltlab render} writes them
   */
  public FolderFiles folder() {
    return folder(Layout.FILES);
  }

  /**
   * Everything a target folder holds in a layout: the objects ({@link #files()} or {@link
   * #streamFiles()}), {@code kustomization.yaml} and {@code topology.md}. A file holding a Secret
   * is private (written readable by its owner only).
   *
   * @param layout one file per object, or one stream
   * @return the target folder's generated files, as {@code saltlab render} writes them
   */
  public FolderFiles folder(Layout layout) {
    return FolderLayout.folder(
        target, resources, (i, out) -> out.write(resources.get(i).yaml()), layout, topology());
  }

  /** The {@code topology.md} of these manifests. */
  String topology() {
    return TopologyDiagram.markdown(this);
  }

  /** Writes {@link #toYaml()} without building it. */
  private void writeYaml(Writer out) throws IOException {
    out.write(header);
    for (RenderedResource r : resources) {
      out.write("---\n");
      out.write(r.yaml());
    }
  }

  /**
   * Writes the target folder in the files layout, exactly as {@code saltlab render} does: see
   * {@link #writeDirectory(Path, Layout)}.
   *
   * @param directory the target folder, such as {@code manifests/1.36}
   * @return what was written, kept and removed
   * @throws io.saltlab.core.write.FolderException when the folder cannot be written or a file of
   *     the user's is in the way
   */
  public WriteResult writeDirectory(Path directory) {
    return writeDirectory(directory, Layout.FILES);
  }

  /**
   * Writes the target folder {@link #folder(Layout)} through the one safe folder writer ({@link
   * OutputFolder}), the same bytes {@code saltlab render} writes: under the lock of the parent
   * folder, replacing only saltlab's own files, keeping every file of the user's, leaving an
   * unchanged folder untouched. {@code manifests.writeDirectory(Path.of("manifests/1.36"))} and
   * {@code saltlab render -o manifests -t 1.36} give the same folder.
   *
   * @param directory the target folder, such as {@code manifests/1.36}; its parent holds the lock
   * @param layout one file per object, or one stream
   * @return what was written, kept and removed
   * @throws io.saltlab.core.write.FolderException when the folder cannot be written or a file of
   *     the user's is in the way
   */
  public WriteResult writeDirectory(Path directory, Layout layout) {
    Path target = directory.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null || target.getFileName() == null) {
      throw new IllegalArgumentException(
          "cannot write a target folder at "
              + directory
              + "; expected a folder such as manifests/1.36");
    }
    try (OutputFolder out = OutputFolder.open(parent)) {
      return out.write(target.getFileName().toString(), folder(layout));
    }
  }
}
