package io.saltlab.core.internal.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff ({@code diff -u} format) between two texts.
 *
 * <p>The common prefix and suffix are cut first; the middle is aligned with a longest common
 * subsequence table. Manifest files are small, so the table stays small; when the middle would need
 * more than {@link #MAX_CELLS} cells the middle is shown as removed and re-added, which is still a
 * correct (if longer) diff and keeps time and memory bounded.
 */
public final class LineDiff {
  /** Largest LCS table built, about 16 MB of ints. */
  public static final long MAX_CELLS = 4_000_000L;

  private static final int CONTEXT = 3;

  private LineDiff() {}

  /** One line of the edit script. */
  private record Op(char kind, String line, int oldLine, int newLine) {}

  /**
   * The unified diff of two texts.
   *
   * @param oldName label of the old side (the {@code ---} line)
   * @param oldText old text
   * @param newName label of the new side (the {@code +++} line)
   * @param newText new text
   * @return the diff, ending with a line feed, or the empty string when the texts are equal
   */
  public static String unified(String oldName, String oldText, String newName, String newText) {
    if (oldText.equals(newText)) {
      return "";
    }
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    List<Op> ops = script(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(oldName).append('\n');
    out.append("+++ ").append(newName).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind() == ' ') {
        i++;
        continue;
      }
      // A hunk starts CONTEXT lines before the first change and runs until CONTEXT lines after
      // a change that is followed by more than 2*CONTEXT unchanged lines.
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < ops.size()) {
        if (ops.get(end).kind() != ' ') {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      appendHunk(out, ops.subList(start, end), a.size(), b.size());
      i = end;
    }
    return out.toString();
  }

  private static void appendHunk(StringBuilder out, List<Op> hunk, int oldSize, int newSize) {
    int oldCount = 0;
    int newCount = 0;
    int oldStart = -1;
    int newStart = -1;
    for (Op op : hunk) {
      if (op.kind() != '+') {
        oldCount++;
        if (oldStart < 0) {
          oldStart = op.oldLine();
        }
      }
      if (op.kind() != '-') {
        newCount++;
        if (newStart < 0) {
          newStart = op.newLine();
        }
      }
    }
    // diff -u numbers an empty side by the line before it.
    if (oldStart < 0) {
      oldStart = firstPosition(hunk, true);
    }
    if (newStart < 0) {
      newStart = firstPosition(hunk, false);
    }
    out.append("@@ -")
        .append(range(oldStart, oldCount))
        .append(" +")
        .append(range(newStart, newCount))
        .append(" @@\n");
    for (Op op : hunk) {
      out.append(op.kind()).append(op.line()).append('\n');
    }
  }

  private static int firstPosition(List<Op> hunk, boolean oldSide) {
    Op first = hunk.get(0);
    return (oldSide ? first.oldLine() : first.newLine()) - 1;
  }

  private static String range(int start, int count) {
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  private static List<Op> script(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Op> ops = new ArrayList<>(a.size() + b.size());
    for (int k = 0; k < prefix; k++) {
      ops.add(new Op(' ', a.get(k), k + 1, k + 1));
    }
    List<String> midA = a.subList(prefix, a.size() - suffix);
    List<String> midB = b.subList(prefix, b.size() - suffix);
    middle(midA, midB, prefix, ops);
    for (int k = 0; k < suffix; k++) {
      int ia = a.size() - suffix + k;
      int ib = b.size() - suffix + k;
      ops.add(new Op(' ', a.get(ia), ia + 1, ib + 1));
    }
    return ops;
  }

  private static void middle(List<String> a, List<String> b, int offset, List<Op> ops) {
    int n = a.size();
    int m = b.size();
    if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
      for (int i = 0; i < n; i++) {
        ops.add(new Op('-', a.get(i), offset + i + 1, offset + 1));
      }
      for (int j = 0; j < m; j++) {
        ops.add(new Op('+', b.get(j), offset + n + 1, offset + j + 1));
      }
      return;
    }
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new Op(' ', a.get(i), offset + i + 1, offset + j + 1));
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
        ops.add(new Op('+', b.get(j), offset + i + 1, offset + j + 1));
        j++;
      } else {
        ops.add(new Op('-', a.get(i), offset + i + 1, offset + j + 1));
        i++;
      }
    }
  }

  /** Splits on line feeds; a final line feed ends the last line rather than starting a new one. */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      return lines;
    }
    int start = 0;
    for (int k = 0; k < text.length(); k++) {
      if (text.charAt(k) == '\n') {
        lines.add(text.substring(start, k));
        start = k + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
