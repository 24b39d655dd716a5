package io.saltlab.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unified diff matches what {@code diff -u} prints for the same inputs. */
class LineDiffTest {

  @Test
  void equalTextsGiveNoDiff() {
    assertThat(LineDiff.unified("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
  }

  @Test
  void oneChangedLineWithContext() {
    String old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    String now = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    assertThat(LineDiff.unified("a/f", old, "b/f", now))
        .isEqualTo("--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  }

  @Test
  void distantChangesGiveSeparateHunks() {
    StringBuilder old = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      old.append(i).append('\n');
    }
    String now =
        ("\n" + old).replace("\n2\n", "\ntwo\n").replace("\n19\n", "\nnineteen\n").substring(1);
    String diff = LineDiff.unified("a", old.toString(), "b", now);
    assertThat(diff)
        .contains(
            "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n",
            "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
  }

  @Test
  void insertionsIntoAnEmptyFileAndDeletionsOfAll() {
    assertThat(LineDiff.unified("a", "", "b", "x\ny\n"))
        .isEqualTo("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
    assertThat(LineDiff.unified("a", "x\n", "b", ""))
        .isEqualTo("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n");
  }

  @Test
  void appendedLinesAtTheEnd() {
    assertThat(LineDiff.unified("a", "1\n2\n", "b", "1\n2\n3\n"))
        .isEqualTo("--- a\n+++ b\n@@ -1,2 +1,3 @@\n 1\n 2\n+3\n");
  }

  @Test
  void movedLinesAlignOnTheLongestCommonPart() {
    String diff = LineDiff.unified("a", "a\nb\nc\nd\n", "b", "a\nc\nd\nb\n");
    assertThat(diff).isEqualTo("--- a\n+++ b\n@@ -1,4 +1,4 @@\n a\n-b\n c\n d\n+b\n");
  }

  @Test
  void hugeMiddlesFallBackToReplaceWithoutBlowingUp() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      a.append("a").append(i).append('\n');
      b.append("b").append(i).append('\n');
    }
    String diff = LineDiff.unified("a", a.toString(), "b", b.toString());
    assertThat(diff).startsWith("--- a\n+++ b\n@@ -1,3000 +1,3000 @@\n-a0\n");
    assertThat(diff.lines().filter(l -> l.startsWith("+b"))).hasSize(3000);
  }
}
