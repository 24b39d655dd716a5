package io.saltlab.core.check;

import io.saltlab.core.internal.diff.LineDiff;
import io.saltlab.core.internal.diff.SecretMask;
import io.saltlab.core.internal.write.FileTrees;
import io.saltlab.core.write.FolderException;
import io.saltlab.core.write.FolderFiles;
import java.io.IOException;
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
 * The drift check behind {@code saltlab check} and the Maven plugin's check: compares the files
 * that would be rendered with a committed target folder, without writing anything. Files of the
 * user's in the folder are ignored; Secret data values never appear in the diff.
 */
public final class DriftCheck {
  private DriftCheck() {}

  /**
   * Compares rendered files with a target folder. Hold {@link
   * io.saltlab.core.write.OutputFolder#readLock} on its parent meanwhile, so that no render swaps
   * the folder halfway through.
   *
   * @param folder the committed target folder (may be missing)
   * @param label the prefix of file names in the diff, such as {@code 1.36}
   * @param expected the files as rendered now
   * @return the drift
   * @throws FolderException when the folder cannot be read
   */
  public static Drift compare(Path folder, String label, FolderFiles expected) {
    Map<String, String> contents = expected.contents();
    List<String> changed = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    StringBuilder diff = new StringBuilder();
    try {
      for (Map.Entry<String, String> e : contents.entrySet()) {
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
        FileTrees.scan(folder, generated, new TreeMap<>());
        for (String name : generated.keySet()) {
          if (!contents.containsKey(name)) {
            extra.add(name);
          }
        }
      }
    } catch (IOException e) {
      throw new FolderException(
          "cannot read " + folder + ": " + FileTrees.describe(e), "check the folder's permissions");
    }
    return new Drift(changed, missing, extra, diff.toString());
  }
}
