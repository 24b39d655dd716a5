package io.saltlab.core.check;

import io.saltlab.core.internal.diff.LineDiff;
import io.saltlab.core.internal.diff.SecretMask;
import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.internal.files.RefusedFileException;
import io.saltlab.core.internal.files.SafeRead;
import io.saltlab.core.internal.write.FileTrees;
import io.saltlab.core.internal.write.TargetScan;
import io.saltlab.core.write.FolderException;
import io.saltlab.core.write.FolderFiles;
import io.saltlab.core.write.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The drift check behind {@code saltlab check} and the Maven plugin's check: compares the files
 * that would be rendered with a committed target folder, without writing anything.
 *
 * <p>Reads like the writer: never through a link, only regular files, each at most {@link
 * #SLACK_BYTES} longer than its rendered version (a longer one is changed, and not shown). Files of
 * the user's are ignored; Secret data values never appear in the diff; control characters are made
 * visible.
 */
public final class DriftCheck {

  /** How much longer than rendered a committed file may be and still be read for its diff. */
  public static final long SLACK_BYTES = 1L << 20;

  private DriftCheck() {}

  /**
   * Compares rendered files with a target folder. Hold {@link OutputFolder#readLock} on its parent
   * meanwhile, so that no render writes the folder halfway through.
   *
   * @param folder the committed target folder (may be missing)
   * @param label the prefix of file names in the diff, such as {@code 1.36}
   * @param expected the files as rendered now
   * @return the drift
   * @throws FolderException when the folder is a link or cannot be read
   */
  public static Drift compare(Path folder, String label, FolderFiles expected) {
    return compare(folder, label, expected, expected);
  }

  /**
   * Compares with a folder files rendered without some secrets: {@code expected} and {@code
   * standIn} are the same lab rendered with two different stand-ins for each missing secret, so the
   * lines where they differ are exactly the values that derive from a missing secret. Those values
   * are not compared (the committed ones are taken as they are, their keys and place still checked)
   * and are listed in {@link Drift#uncompared()}; everything else is compared as usual.
   *
   * @param folder the committed target folder (may be missing)
   * @param label the prefix of file names in the diff, such as {@code 1.36}
   * @param expected the files rendered with one stand-in per missing secret
   * @param standIn the same files rendered with other stand-ins of the same lengths
   * @return the drift
   * @throws FolderException when the folder is a link or cannot be read
   */
  public static Drift compare(
      Path folder, String label, FolderFiles expected, FolderFiles standIn) {
    Map<String, String> contents = expected.contents();
    List<String> uncompared = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    List<String> blocked = new ArrayList<>();
    StringBuilder diff = new StringBuilder();
    TargetScan scan = scan(folder);
    for (Map.Entry<String, String> e : contents.entrySet()) {
      String path = e.getKey();
      Place place = place(folder, path, scan);
      if (place == Place.MISSING) {
        missing.add(path);
        continue;
      }
      if (place == Place.NOT_A_FILE) {
        blocked.add(path);
        continue;
      }
      byte[] wanted = e.getValue().getBytes(StandardCharsets.UTF_8);
      byte[] actual;
      try {
        actual = SafeRead.bytes(folder.resolve(path), wanted.length + SLACK_BYTES);
      } catch (RefusedFileException r) {
        if (r.reason() == RefusedFileException.Reason.TOO_LARGE) {
          changed.add(path);
          appendUnshown(diff, label, path, "over " + SLACK_BYTES + " bytes longer than rendered");
          continue;
        }
        throw new FolderException(
            VisibleText.line(folder.resolve(path).toString()) + " " + r.what(), r.hint());
      }
      String rendered = e.getValue();
      String other = standIn.contents().get(path);
      if (other != null && !other.equals(rendered)) {
        rendered = StandIns.adopt(rendered, other, actual, path, uncompared);
        wanted = rendered.getBytes(StandardCharsets.UTF_8);
      }
      if (!Arrays.equals(actual, wanted)) {
        changed.add(path);
        appendDiff(diff, label, path, actual, rendered);
      }
    }
    for (String path : scan.generated().keySet()) {
      if (!contents.containsKey(path)) {
        extra.add(path);
      }
    }
    Path parent = folder.toAbsolutePath().getParent();
    boolean unfinished =
        parent != null
            && folder.getFileName() != null
            && OutputFolder.hasUnfinishedWrite(parent, folder.getFileName().toString());
    return new Drift(changed, missing, extra, blocked, diff.toString(), unfinished, uncompared);
  }

  /** Where a rendered file's path leads in the committed folder. */
  private enum Place {
    FILE,
    MISSING,
    NOT_A_FILE
  }

  private static Place place(Path folder, String path, TargetScan scan) {
    // Every folder on the way must be a real one: a link is never followed.
    int slash = path.indexOf('/');
    while (slash > 0) {
      String parent = path.substring(0, slash);
      if (!scan.folders().contains(parent)) {
        return scan.userEntries().contains(parent) ? Place.NOT_A_FILE : Place.MISSING;
      }
      slash = path.indexOf('/', slash + 1);
    }
    try {
      BasicFileAttributes a =
          Files.readAttributes(
              folder.resolve(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isRegularFile() ? Place.FILE : Place.NOT_A_FILE;
    } catch (NoSuchFileException e) {
      return Place.MISSING;
    } catch (IOException e) {
      throw new FolderException(
          "cannot read "
              + VisibleText.line(folder.resolve(path).toString())
              + ": "
              + FileTrees.describe(e),
          "check the folder's permissions");
    }
  }

  private static TargetScan scan(Path folder) {
    if (Files.isSymbolicLink(folder)) {
      throw new FolderException(
          VisibleText.line(folder.toString()) + " is a symbolic link; saltlab never follows links",
          "check the folder itself, not a link to it");
    }
    try {
      return TargetScan.of(folder);
    } catch (IOException e) {
      throw new FolderException(
          "cannot read " + VisibleText.line(folder.toString()) + ": " + FileTrees.describe(e),
          "check the folder's permissions");
    }
  }

  private static void appendDiff(
      StringBuilder diff, String label, String path, byte[] actual, String rendered) {
    String committed;
    try {
      committed = SafeRead.decode(actual);
    } catch (RefusedFileException e) {
      appendUnshown(diff, label, path, "the committed file is not UTF-8 text");
      return;
    }
    SecretMask.Pair masked = SecretMask.maskPair(committed, "committed", rendered, "rendered");
    if (masked.opaque()) {
      appendUnshown(diff, label, path, "one side does not parse as YAML and may hold a Secret");
      return;
    }
    diff.append(
        LineDiff.unified(
            "a/" + VisibleText.line(label + "/" + path),
            VisibleText.of(masked.oldText()),
            "b/" + VisibleText.line(label + "/" + path),
            VisibleText.of(masked.newText())));
  }

  private static void appendUnshown(StringBuilder diff, String label, String path, String why) {
    String name = VisibleText.line(label + "/" + path);
    diff.append("--- a/").append(name).append('\n');
    diff.append("+++ b/").append(name).append('\n');
    diff.append("(changed; contents not shown: ").append(why).append(")\n");
  }
}
