package io.saltlab.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Layout;
import io.saltlab.core.render.StreamedManifests;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.write.FolderFiles;
import io.saltlab.topology.ApplyOrder;
import io.saltlab.topology.GitOps;
import io.saltlab.topology.SaltLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Heap a render holds per role (issue 14's memory figure): the whole render of a {@link BenchLabs}
 * lab, stream layout, its files written to nowhere, once holding every object ({@code held}: {@code
 * lab.render(target).folder(...)}, as the library's {@code Manifests} API does) and once streamed
 * ({@code streamed}: {@link ApplyOrder#renderStreamed}, as {@code saltlab render} does).
 *
 * <p>The figure is the counter {@code peakLiveBytesPerRole}: the largest heap in use right after a
 * collection during the render, less the heap in use before it, divided by the roles. A small young
 * generation ({@code -Xmn16m}) makes collections frequent, so the largest such sample is close to
 * the render's peak live set. Compare sizes: the difference between two sizes over their difference
 * in roles is the heap each further role costs. Run with {@code java -jar
 * bench/target/benchmarks.jar MemoryBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Xmn16m", "-XX:+UseSerialGC"})
public class MemoryBenchmark {

  static final KubernetesVersion TARGET = KubernetesVersion.of("1.36");

  /** How many roles the lab has. */
  @Param({"1000", "5000", "20000"})
  public int roles;

  private SaltLab lab;

  /** The figure JMH prints beside the time: bytes of heap per role at the render's peak. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    /** Peak live heap of the last render, less the heap before it, over the roles. */
    public long peakLiveBytesPerRole;
  }

  /** Builds the lab once per size. */
  @Setup(Level.Trial)
  public void setUp() {
    lab = BenchLabs.lab(roles);
  }

  /**
   * The render holding every object's tree and YAML.
   *
   * @param heap where the figure goes
   * @return the characters written
   */
  @Benchmark
  public long held(Heap heap) {
    return measure(heap, () -> write(lab.render(TARGET).folder(Layout.STREAM)));
  }

  /**
   * The streamed render of the command line.
   *
   * @param heap where the figure goes
   * @return the characters written
   */
  @Benchmark
  public long streamed(Heap heap) {
    return measure(
        heap,
        () -> {
          try (StreamedManifests m =
              ApplyOrder.renderStreamed(lab, TARGET, GitOps.NONE, ValidationContext.empty())) {
            return write(m.folder(Layout.STREAM));
          }
        });
  }

  private long measure(Heap heap, LongSupplier render) {
    System.gc();
    long before = used();
    AtomicLong peak = new AtomicLong(before);
    NotificationListener listener =
        (Notification n, Object handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
              n.getType())) {
            GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long after = 0;
            for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
              after += u.getUsed();
            }
            peak.accumulateAndGet(after, Math::max);
          }
        };
    List<NotificationEmitter> emitters = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      NotificationEmitter emitter = (NotificationEmitter) gc;
      emitter.addNotificationListener(listener, null, null);
      emitters.add(emitter);
    }
    try {
      return render.getAsLong();
    } finally {
      for (NotificationEmitter emitter : emitters) {
        try {
          emitter.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
          // Already gone; nothing to undo.
        }
      }
      heap.peakLiveBytesPerRole = Math.max(0, peak.get() - before) / roles;
    }
  }

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Writes every file to nowhere, as the folder writer would to disk. */
  private static long write(FolderFiles files) {
    long[] chars = {0};
    Writer counting =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            chars[0] += len;
          }

          @Override
          public void write(String s) {
            chars[0] += s.length();
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    try {
      for (String path : files.paths()) {
        files.content(path).writeTo(counting);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return chars[0];
  }
}
