package io.saltlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.ManifestRenderer;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationReport;
import io.saltlab.topology.LabRendering;
import io.saltlab.topology.SaltLab;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The render stages of a {@link BenchLabs} lab, warm and in process, next to a floor: the same
 * objects, as fabric8 objects, written by Jackson's default {@link YAMLMapper}.
 *
 * <ul>
 *   <li>{@code model}: build the lab (its checks included);
 *   <li>{@code translate}: the lab's finished objects as trees ({@link LabRendering#trees}), what
 *       {@code lab.render} translates to;
 *   <li>{@code yaml}: those trees to one YAML stream, without validation;
 *   <li>{@code validate}: schema and cross-object validation of the trees;
 *   <li>{@code all}: the four together, as {@code lab.render(target).toYaml()} does;
 *   <li>{@code noValidation}: model, translate and yaml;
 *   <li>{@code floorYaml}: the same objects as fabric8 objects ({@link LabRendering#translate},
 *       built before timing) written by {@code new YAMLMapper()} as one multi-document stream;
 *       {@code noValidation} is compared to it, so the floor gets its model and objects for free;
 *   <li>{@code floorAll}: model, {@link LabRendering#translate} (the trees converted to fabric8
 *       objects) and {@code new YAMLMapper()}.
 * </ul>
 *
 * <p>Every stage runs on one thread (see the fork's JVM arguments), so that saltlab and the floor
 * are compared work for work. Run with {@code java -jar bench/target/benchmarks.jar}; {@code
 * bench/RESULTS.md} has the latest table. Memory per role: run with {@code -prof gc}; {@code
 * gc.alloc.rate.norm} of {@code all} divided by {@code roles} is the bytes a render allocates per
 * role.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
// One thread, like the floor: saltlab spreads large inputs over the common pool, which parallelism
// 0 keeps on the calling thread. The whole-process runs of run.sh use every core.
@Fork(
    value = 1,
    jvmArgsAppend = {
      // 20,000 roles hold about 0.6 GB while rendering (issue #14's memory figure)
      "-Xms3g",
      "-Xmx3g",
      "-Djava.util.concurrent.ForkJoinPool.common.parallelism=0"
    })
public class RenderBenchmark {

  /** The target every stage renders for. */
  static final KubernetesVersion TARGET = KubernetesVersion.of("1.36");

  /** Jackson's YAML mapper with its defaults: the floor. */
  private static final YAMLMapper FLOOR = new YAMLMapper();

  /** How many roles the lab has. */
  @Param({"6", "100", "1000", "5000", "20000"})
  public int roles;

  private SaltLab lab;
  private List<HasMetadata> objects;
  private List<JsonNode> translated;
  private List<JsonNode> trees;
  private ManifestRenderer plain;
  private ManifestValidator validator;

  /** Prepares each stage's input from the stages before it. */
  @Setup(Level.Trial)
  public void setUp() {
    lab = BenchLabs.lab(roles);
    objects = LabRendering.translate(lab, TARGET);
    translated = new ArrayList<>(LabRendering.trees(lab, TARGET));
    plain = new ManifestRenderer(TARGET).withoutValidation();
    validator = ManifestValidator.forTarget(TARGET);
    Manifests rendered = plain.renderTrees(translated);
    trees = new ArrayList<>(rendered.resources().size());
    for (RenderedResource r : rendered.resources()) {
      trees.add(r.tree());
    }
  }

  /**
   * Stage 1: the model.
   *
   * @return the lab
   */
  @Benchmark
  public SaltLab model() {
    return BenchLabs.lab(roles);
  }

  /**
   * Stage 2: translation to finished objects, as trees.
   *
   * @return the objects
   */
  @Benchmark
  public List<ObjectNode> translate() {
    return LabRendering.trees(lab, TARGET);
  }

  /**
   * Stage 3: trees to YAML, without validation (renderers never change the trees they are given).
   *
   * @return the YAML stream
   */
  @Benchmark
  public String yaml() {
    return plain.renderTrees(translated).toYaml();
  }

  /**
   * Stage 4: validation of the trees.
   *
   * @return the report
   */
  @Benchmark
  public ValidationReport validate() {
    return validator.validate(trees);
  }

  /**
   * All stages, as a user renders: model, translation, validation, YAML.
   *
   * @return the YAML stream
   */
  @Benchmark
  public String all() {
    return BenchLabs.lab(roles).render(TARGET).toYaml();
  }

  /**
   * Model, translation and YAML without validation: what {@link #floorAll()} is compared to.
   *
   * @return the YAML stream
   */
  @Benchmark
  public String noValidation() {
    return plain
        .renderTrees(new ArrayList<>(LabRendering.trees(BenchLabs.lab(roles), TARGET)))
        .toYaml();
  }

  /**
   * The floor: the same objects, as fabric8 objects made before timing, written by Jackson's
   * default YAML mapper.
   *
   * @return the YAML stream
   */
  @Benchmark
  public String floorYaml() {
    return jacksonYaml(objects);
  }

  /**
   * Model, translation to fabric8 objects, then Jackson's default YAML mapper.
   *
   * @return the YAML stream
   */
  @Benchmark
  public String floorAll() {
    return jacksonYaml(LabRendering.translate(BenchLabs.lab(roles), TARGET));
  }

  /**
   * Writes objects as one multi-document stream with {@code new YAMLMapper()}'s defaults.
   *
   * @param objects the objects
   * @return the stream
   */
  static String jacksonYaml(List<HasMetadata> objects) {
    StringWriter out = new StringWriter(objects.size() * 1024);
    try (SequenceWriter writer = FLOOR.writer().writeValues(out)) {
      writer.writeAll(objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
