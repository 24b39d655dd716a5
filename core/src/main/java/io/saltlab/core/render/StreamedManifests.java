package io.saltlab.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.InOrder;
import io.saltlab.core.internal.topology.TopologyDiagram;
import io.saltlab.core.internal.write.FileTrees;
import io.saltlab.core.internal.yaml.YamlWriter;
import io.saltlab.core.validate.TwoPassValidation;
import io.saltlab.core.validate.ValidationReport;
import io.saltlab.core.write.FolderException;
import io.saltlab.core.write.FolderFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rendered lab whose objects' YAML waits in a spool file instead of memory: what {@link
 * ManifestRenderer#renderStreamed} returns for labs too large to hold every object's tree and text.
 * It keeps each object's identity and where its YAML is; {@link #folder(Layout)} gives exactly the
 * files of {@link Manifests#folder(Layout)}, read back from the spool as the folder writer writes
 * them.
 *
 * <p>The spool is a temporary file readable by its owner only (it may hold Secret data), unlinked
 * as soon as it is open where the system allows (so a killed render leaves nothing); {@link
 * #close()} releases it. Write the folder before closing.
 */
public final class StreamedManifests implements AutoCloseable {
  /** Objects converted and checked together, on every core; bounds the trees held at once. */
  static final int BATCH = 1024;

  private final KubernetesVersion target;
  private final Path spoolFile;
  private final FileChannel spool;
  private List<RenderedResource> resources = List.of();
  private long[] offsets = new long[0];
  private int[] lengths = new int[0];
  private ValidationReport validation;
  private String topology;

  private StreamedManifests(KubernetesVersion target, Path spoolFile, FileChannel spool) {
    this.target = target;
    this.spoolFile = spoolFile;
    this.spool = spool;
  }

  /**
   * Renders a source: with a validation, a first pass indexes every object, a second checks and
   * writes each; without, one pass writes. Throws the validation's exception when it finds errors.
   */
  static StreamedManifests render(
      KubernetesVersion target, ObjectSource source, TwoPassValidation validation) {
    Path file;
    FileChannel channel;
    try {
      file = Files.createTempFile("saltlab-", ".spool");
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw spoolFailed(e);
    }
    try {
      // Unlinked at once where the system allows it (POSIX): the open channel keeps the data, and
      // a render killed halfway leaves no file behind. Elsewhere close() deletes it.
      Files.delete(file);
    } catch (IOException e) {
      // Still there; close() deletes it.
    }
    StreamedManifests streamed = new StreamedManifests(target, file, channel);
    try {
      streamed.fill(source, validation);
      return streamed;
    } catch (RuntimeException | Error e) {
      streamed.close();
      throw e;
    }
  }

  private static FolderException spoolFailed(IOException e) {
    return new FolderException(
        "cannot write the render's spool file in "
            + System.getProperty("java.io.tmpdir")
            + ": "
            + FileTrees.describe(e),
        "free space there, or point -Djava.io.tmpdir at a folder with room for the lab's YAML");
  }

  private void fill(ObjectSource source, TwoPassValidation validation) {
    if (validation != null) {
      source.forEach(validation::index);
    }
    Spooler spooler = new Spooler(validation);
    source.forEach(spooler::add);
    spooler.flush();
    if (validation != null) {
      ValidationReport report = validation.finish();
      report.requireValid();
      this.validation = report;
    }
    // The fixed order, as Manifests sorts: a stable sort of the objects in source order.
    Integer[] order = new Integer[spooler.resources.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> byResource =
        Comparator.comparing(spooler.resources::get, ResourceOrder.COMPARATOR);
    Arrays.sort(order, byResource);
    List<RenderedResource> sorted = new ArrayList<>(order.length);
    offsets = new long[order.length];
    lengths = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      sorted.add(spooler.resources.get(order[i]));
      offsets[i] = spooler.offsets[order[i]];
      lengths[i] = spooler.lengths[order[i]];
    }
    resources = List.copyOf(sorted);
    if (spooler.trees != null) {
      List<RenderedResource> drawn = new ArrayList<>(order.length);
      for (Integer i : order) {
        drawn.add(spooler.trees.get(i));
      }
      topology = TopologyDiagram.markdown(new Manifests(target, drawn, this.validation));
    } else {
      topology = TopologyDiagram.markdown(new Manifests(target, resources, this.validation));
    }
  }

  /** Writes objects into the spool a batch at a time, checking each batch first. */
  private final class Spooler {
    final TwoPassValidation validation;
    final List<RenderedResource> resources = new ArrayList<>();

    /** The objects with their trees, kept only while the lab is small enough to draw. */
    List<RenderedResource> trees = new ArrayList<>();

    long[] offsets = new long[BATCH];
    int[] lengths = new int[BATCH];
    private final List<JsonNode> batch = new ArrayList<>(BATCH);
    private final YamlWriter writer = new YamlWriter();
    private final OutputStream out =
        new BufferedOutputStream(Channels.newOutputStream(spool), 1 << 16);
    private long written;

    /** Identity strings shared between objects: kinds, namespaces and apiVersions repeat. */
    private final Map<String, String> shared = new HashMap<>();

    Spooler(TwoPassValidation validation) {
      this.validation = validation;
    }

    void add(JsonNode tree) {
      batch.add(tree);
      if (trees != null && !TopologyDiagram.mayDraw(resources.size() + batch.size())) {
        // Too many objects for a diagram: its table of counts needs no tree.
        trees = null;
      }
      if (batch.size() == BATCH) {
        flush();
      }
    }

    void flush() {
      if (!batch.isEmpty()) {
        if (validation != null) {
          validation.check(batch);
        }
        List<byte[]> yaml =
            InOrder.map(batch, t -> writer.write(t).getBytes(StandardCharsets.UTF_8));
        try {
          for (int i = 0; i < batch.size(); i++) {
            JsonNode tree = batch.get(i);
            record(tree, yaml.get(i));
            if (trees != null) {
              trees.add(new RenderedResource(tree, null));
            }
          }
        } catch (IOException e) {
          throw spoolFailed(e);
        }
        batch.clear();
      }
      try {
        out.flush();
      } catch (IOException e) {
        throw spoolFailed(e);
      }
    }

    private void record(JsonNode tree, byte[] yaml) throws IOException {
      int i = resources.size();
      if (i == offsets.length) {
        offsets = Arrays.copyOf(offsets, i * 2);
        lengths = Arrays.copyOf(lengths, i * 2);
      }
      resources.add(
          new RenderedResource(
              share(tree.path("apiVersion").asText("")),
              share(tree.path("kind").asText("")),
              share(tree.path("metadata").path("namespace").asText("")),
              tree.path("metadata").path("name").asText("")));
      offsets[i] = written;
      lengths[i] = yaml.length;
      out.write(yaml);
      written += yaml.length;
    }

    private String share(String s) {
      return shared.computeIfAbsent(s, k -> k);
    }
  }

  /**
   * The validation these manifests passed: empty when rendered without validation.
   *
   * @return the report, if validated
   */
  public Optional<ValidationReport> validation() {
    return Optional.ofNullable(validation);
  }

  /** The target version these manifests were rendered for. */
  public KubernetesVersion target() {
    return target;
  }

  /**
   * How many objects were rendered.
   *
   * @return the number of objects
   */
  public int size() {
    return resources.size();
  }

  /**
   * The target folder's files in a layout, the same bytes as {@link Manifests#folder(Layout)} of
   * the same objects; each object's YAML is read from the spool when the writer asks for it.
   *
   * @param layout one file per object, or one stream
   * @return the files; valid until {@link #close()}
   */
  public FolderFiles folder(Layout layout) {
    return FolderLayout.folder(
        target,
        resources,
        (i, out) -> {
          byte[] bytes = new byte[lengths[i]];
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          long at = offsets[i];
          while (buffer.hasRemaining()) {
            int n = spool.read(buffer, at + buffer.position());
            if (n < 0) {
              throw new IOException("spool file " + spoolFile + " ended early");
            }
          }
          out.write(new String(bytes, StandardCharsets.UTF_8));
        },
        layout,
        topology);
  }

  /** The spool file, for tests that see it deleted. */
  Path spoolFile() {
    return spoolFile;
  }

  /** Deletes the spool file. */
  @Override
  public void close() {
    try {
      spool.close();
    } catch (IOException e) {
      // Deleting is what matters.
    }
    try {
      Files.deleteIfExists(spoolFile);
    } catch (IOException e) {
      // A temporary file left behind; the system's cleaning of its temporary folder takes it.
    }
  }
}
