package io.saltlab.cli;

import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code saltlab check}: renders in memory and compares with what is committed in {@code DIR/<V>/};
 * never writes. The CI guard against hand edits and forgotten renders.
 */
final class CheckCommand {

  /** The declaration of {@code saltlab check}. */
  static final CommandSpec SPEC =
      CommandSpec.builder("saltlab check", "Checks that DIR/<V>/ matches the lab, without writing.")
          .details(
              "Renders in memory and compares with each target folder. Prints a unified diff per"
                  + " changed file (Secret data values hidden) and lists missing and extra"
                  + " generated files. Files you added to the folder are ignored. Run it in CI"
                  + " after committing the output of render.")
          .include(LabSource.OPTIONS)
          .include(TargetOptions.OPTIONS)
          .exitCode(ExitCodes.OK, ExitCodes.OK_MEANING)
          .exitCode(ExitCodes.PROBLEMS, ExitCodes.PROBLEMS_MEANING)
          .exitCode(ExitCodes.INPUT, ExitCodes.INPUT_MEANING)
          .build();

  /** The command. */
  static final CliCommand COMMAND = new CliCommand(SPEC, CheckCommand::run);

  private CheckCommand() {}

  /** The outcome for one target folder. */
  record Drift(List<String> changed, List<String> missing, List<String> extra, String diff) {
    boolean isClean() {
      return changed.isEmpty() && missing.isEmpty() && extra.isEmpty();
    }
  }

  @SuppressWarnings("try") // the read lock only has to be held while comparing
  private static int run(ParsedArgs args, CliContext context) {
    List<KubernetesVersion> targets = TargetOptions.targets(args);
    targets.forEach(ManifestValidator::preload);
    LabSource.Loaded saltLab = LabSource.of(args).load(context.environment());
    PrintWriter out = context.out();
    Path dir = args.get(TargetOptions.OUT);
    boolean clean;
    try (OutputFolder.Guard guard = OutputFolder.readLock(dir, RenderCommand.LOCK_WAIT)) {
      clean = compareAll(saltLab, targets, dir, args.get(TargetOptions.LAYOUT), context);
    }
    if (!clean) {
      out.println("hint: run 'saltlab render' with the same options, review and commit the result");
    }
    out.flush();
    return clean ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }

  private static boolean compareAll(
      LabSource.Loaded saltLab,
      List<KubernetesVersion> targets,
      Path dir,
      TargetOptions.Layout layout,
      CliContext context) {
    PrintWriter out = context.out();
    boolean clean = true;
    for (KubernetesVersion target : targets) {
      Path folder = dir.resolve(target.toString());
      Drift drift =
          compare(
              folder, target.toString(), RenderedFiles.of(saltLab, target, layout, context.err()));
      if (drift.isClean()) {
        out.printf("%s: up to date -> %s%n", target, folder);
        continue;
      }
      clean = false;
      out.print(drift.diff());
      out.printf(
          "%s: drift in %s: %d changed, %d missing, %d extra%n",
          target, folder, drift.changed().size(), drift.missing().size(), drift.extra().size());
      for (String m : drift.missing()) {
        out.println("  missing: " + m);
      }
      for (String x : drift.extra()) {
        out.println("  extra:   " + x);
      }
    }
    return clean;
  }

  /**
   * Compares rendered files with a folder.
   *
   * @param folder the committed target folder (may be missing)
   * @param label the prefix of file names in the diff, such as {@code 1.36}
   * @param expected file name to rendered content
   * @return the drift
   */
  static Drift compare(Path folder, String label, Map<String, String> expected) {
    List<String> changed = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    StringBuilder diff = new StringBuilder();
    try {
      for (Map.Entry<String, String> e : expected.entrySet()) {
        Path file = folder.resolve(e.getKey());
        if (!Files.isRegularFile(file)) {
          missing.add(e.getKey());
          continue;
        }
        byte[] actual = Files.readAllBytes(file);
        byte[] wanted = e.getValue().getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(actual, wanted)) {
          changed.add(e.getKey());
          SecretMask.Pair masked =
              SecretMask.maskPair(
                  new String(actual, StandardCharsets.UTF_8),
                  "committed",
                  e.getValue(),
                  "rendered");
          diff.append(
              LineDiff.unified(
                  "a/" + label + "/" + e.getKey(),
                  masked.oldText(),
                  "b/" + label + "/" + e.getKey(),
                  masked.newText()));
        }
      }
      if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        Map<String, Path> generated = new TreeMap<>();
        OutputFolder.scan(folder, generated, new TreeMap<>());
        for (String name : generated.keySet()) {
          if (!expected.containsKey(name)) {
            extra.add(name);
          }
        }
      }
    } catch (IOException e) {
      throw new CliException(
          "cannot read "
              + folder
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
          "check the folder's permissions");
    }
    return new Drift(changed, missing, extra, diff.toString());
  }
}
