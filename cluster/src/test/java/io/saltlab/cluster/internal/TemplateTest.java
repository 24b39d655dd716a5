package io.saltlab.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The template syntax, each rule of it, and each way a template or its values can be wrong. */
class TemplateTest {

  private static Template parse(String text) {
    return parse(text, Map.of());
  }

  private static Template parse(String text, Map<String, String> includes) {
    return Template.parse(
        "t.sh",
        text,
        path -> {
          String t = includes.get(path);
          if (t == null) {
            throw new IllegalStateException("no template " + path);
          }
          return t;
        });
  }

  @Test
  void replacesPlaceholdersAndKeepsTheRestByteForByte() {
    Template t = parse("a=@@A@@ b='@@B@@'\\\n\tx @ y @@@C@@@ z\n");
    String out =
        t.render(TemplateValues.of().word("A", "1.2.3.4").text("B", "two words").word("C", "c"));
    assertThat(out).isEqualTo("a=1.2.3.4 b='two words'\\\n\tx @ y @c@ z\n");
  }

  @Test
  void ifElseEndKeepsOneBranchAndNests() {
    Template t = parse("#%if a\nA\n#%if !b\nnot b\n#%end\n#%else\nnot a\n#%end\nend\n");
    assertThat(t.render(TemplateValues.of().flag("a", true).flag("b", false)))
        .isEqualTo("A\nnot b\nend\n");
    assertThat(t.render(TemplateValues.of().flag("a", true).flag("b", true))).isEqualTo("A\nend\n");
    // b is not needed when its branch is not read
    assertThat(t.render(TemplateValues.of().flag("a", false))).isEqualTo("not a\nend\n");
  }

  @Test
  void eachWritesItsBlockOncePerRowWithRowFlags() {
    Template t =
        parse(
            "start\n#%each NODES\nnode @@NODES.NAME@@ of @@CLUSTER@@\n"
                + "#%if NODES.primary\n  primary\n#%end\n#%end\nend\n");
    String out =
        t.render(
            TemplateValues.of()
                .word("CLUSTER", "lab")
                .list(
                    "NODES",
                    List.of(
                        TemplateValues.row().word("NAME", "kube0").flag("primary", true),
                        TemplateValues.row().word("NAME", "node1").flag("primary", false))));
    assertThat(out).isEqualTo("start\nnode kube0 of lab\n  primary\nnode node1 of lab\nend\n");
    assertThat(t.render(TemplateValues.of().word("CLUSTER", "lab").list("NODES", List.of())))
        .isEqualTo("start\nend\n");
  }

  @Test
  void aLineWithAListFieldRepeatsOncePerRow() {
    Template t = parse("for d in \\\n  @@DIRS.PATH@@ \\\n  ; do\n");
    String out =
        t.render(
            TemplateValues.of()
                .list(
                    "DIRS",
                    List.of(
                        TemplateValues.row().quoted("PATH", "/a b"),
                        TemplateValues.row().quoted("PATH", "/it's"))));
    assertThat(out).isEqualTo("for d in \\\n  '/a b' \\\n  '/it'\\''s' \\\n  ; do\n");
  }

  @Test
  void includesShareTheValuesAndCommentsAndShellcheckLinesAreDropped() {
    Template t =
        parse(
            "#!/bin/bash\n#%-- a note\n#%include parts/x.sh\n"
                + "# shellcheck disable=SC2034 # lint only\nafter\n",
            Map.of("parts/x.sh", "#%--\nx=@@X@@\n"));
    assertThat(t.render(TemplateValues.of().word("X", "1"))).isEqualTo("#!/bin/bash\nx=1\nafter\n");
    assertThat(t.valueNames()).containsExactly("X");
  }

  @Test
  void reportsWhatRenderingReached() {
    Template t = parse("top\n#%if a\nyes\n#%else\nno\n#%end\n");
    Set<String> reached = new TreeSet<>();
    t.render(TemplateValues.of().flag("a", true), reached);
    assertThat(reached).containsExactlyInAnyOrder("t.sh:1", "t.sh:2:on", "t.sh:3");
    assertThat(t.reachable())
        .containsExactlyInAnyOrder("t.sh:1", "t.sh:2:on", "t.sh:2:off", "t.sh:3", "t.sh:5");
  }

  @Test
  void refusesBadSyntaxWhenRead() {
    assertThatThrownBy(() -> parse("#%if a\nx\n"))
        .hasMessageContaining("t.sh:1: #%if a has no #%end");
    assertThatThrownBy(() -> parse("x\n#%end\n"))
        .hasMessageContaining("t.sh:2: '#%end' closes nothing");
    assertThatThrownBy(() -> parse("#%if a\n#%else\n#%else\n#%end\n"))
        .hasMessageContaining("two #%else");
    assertThatThrownBy(() -> parse("#%fi a\n")).hasMessageContaining("unknown directive '#%fi a'");
    assertThatThrownBy(() -> parse("#%if A\n#%end\n")).hasMessageContaining("is not a flag");
    assertThatThrownBy(() -> parse("#%each nodes\n#%end\n")).hasMessageContaining("UPPER_CASE");
    assertThatThrownBy(() -> parse("#%each A\n#%each B\n#%end\n#%end\n"))
        .hasMessageContaining("#%each inside #%each");
    assertThatThrownBy(() -> parse("x=@@lower@@\n"))
        .hasMessageContaining("'@@' that is no placeholder");
    assertThatThrownBy(() -> parse("x=@@A\n")).hasMessageContaining("'@@' that is no placeholder");
    assertThatThrownBy(() -> parse("no newline"))
        .hasMessageContaining("the last line has no newline");
    assertThatThrownBy(() -> parse("x\r\n")).hasMessageContaining("carriage return");
    assertThatThrownBy(() -> parse("#%include a.sh\n", Map.of("a.sh", "#%include a.sh\n")))
        .hasMessageContaining("includes itself");
  }

  @Test
  void refusesMissingAndUnusedValuesWhenRendered() {
    Template t = parse("a=@@A@@\n#%if on\nb=@@B@@\n#%end\n");
    assertThatThrownBy(() -> t.render(TemplateValues.of().word("A", "1").flag("on", true)))
        .hasMessageContaining("t.sh:3: no value for @@B@@ was given");
    assertThatThrownBy(() -> t.render(TemplateValues.of().word("A", "1")))
        .hasMessageContaining("t.sh:2: no flag on was given");
    assertThatThrownBy(
            () ->
                t.render(
                    TemplateValues.of()
                        .word("A", "1")
                        .flag("on", false)
                        .word("TYPO", "x")
                        .flag("other", true)))
        .hasMessageContaining("named nowhere in the template: [flag other, value TYPO]");
    // a value named only in a branch that is not written may be given or not
    assertThat(t.render(TemplateValues.of().word("A", "1").flag("on", false).word("B", "2")))
        .isEqualTo("a=1\n");
  }

  @Test
  void refusesUnusedAndInconsistentRowFields() {
    Template t = parse("#%each L\n@@L.X@@\n#%end\n");
    assertThatThrownBy(
            () ->
                t.render(
                    TemplateValues.of()
                        .list("L", List.of(TemplateValues.row().word("X", "1").word("Y", "2")))))
        .hasMessageContaining("field L.Y");
    assertThatThrownBy(
            () ->
                t.render(
                    TemplateValues.of()
                        .list(
                            "L",
                            List.of(
                                TemplateValues.row().word("X", "1"),
                                TemplateValues.row().word("X", "1").flag("f", true)))))
        .hasMessageContaining("rows of list L name different fields");
    assertThatThrownBy(() -> parse("@@L.X@@ @@M.Y@@\n").render(listsLandM()))
        .hasMessageContaining("one line repeats over one list only");
    assertThatThrownBy(() -> parse("#%if L.f\n#%end\n").render(flagRow()))
        .hasMessageContaining("outside #%each L");
  }

  private static TemplateValues listsLandM() {
    return TemplateValues.of()
        .list("L", List.of(TemplateValues.row().word("X", "1")))
        .list("M", List.of(TemplateValues.row().word("Y", "1")));
  }

  private static TemplateValues flagRow() {
    return TemplateValues.of().list("L", List.of(TemplateValues.row().flag("f", true)));
  }

  @Test
  void valuesAreCheckedForWhereTheyGo() {
    for (String bad :
        List.of("a b", "a'b", "a\"b", "$(id)", "`id`", "a;b", "a*", "a\nb", "", "a#b")) {
      assertThatThrownBy(() -> TemplateValues.of().word("A", bad))
          .as(bad)
          .hasMessage("value A is not a bare word (letters, digits, . _ : / % + = , ~ -)");
    }
    assertThat(TemplateValues.of().word("A", "https://h.example:5000/p_a-t~h%2F+x=1,2").value("A"))
        .isNotNull();
    assertThatThrownBy(() -> TemplateValues.of().text("A", "line\nbreak"))
        .hasMessageContaining("control character (code 10)");
    assertThatThrownBy(() -> TemplateValues.of().quoted("A", "tab\there"))
        .hasMessageContaining("control character (code 9)");
    assertThatThrownBy(() -> TemplateValues.of().word("A", "1").word("A", "2"))
        .hasMessageContaining("set twice");
    assertThatThrownBy(() -> TemplateValues.of().flag("Bad", true))
        .hasMessageContaining("lower_case");
    assertThatThrownBy(() -> TemplateValues.of().word("bad", "1"))
        .hasMessageContaining("UPPER_CASE");
    assertThatThrownBy(() -> TemplateValues.row().list("L", List.of()))
        .hasMessageContaining("a row holds no list");
    assertThatThrownBy(() -> TemplateValues.of().list("L", List.of(TemplateValues.of())))
        .hasMessageContaining("not made by row()");
  }

  @Test
  void loadsTemplatesFromTheModuleOnlyByPlainPaths() {
    assertThat(Template.load("provision/worker.sh").valueNames()).contains("CONTROL_PLANE_IP");
    assertThatThrownBy(() -> Template.load("../templates/gitignore"))
        .hasMessageContaining("not a plain relative path");
    assertThatThrownBy(() -> Template.load("/etc/passwd"))
        .hasMessageContaining("not a plain relative path");
    assertThatThrownBy(() -> Template.load("missing.sh")).hasMessageContaining("no template");
  }
}
