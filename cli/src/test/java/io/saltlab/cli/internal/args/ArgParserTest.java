package io.saltlab.cli.internal.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgParserTest {

  enum Shape {
    round,
    square
  }

  static final Converter<Integer> NUMBER =
      text -> {
        try {
          return Integer.valueOf(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
      };

  static final OptionGroup SHARED = new OptionGroup();
  static final Option<Integer> COUNT =
      SHARED.add(Option.value("N", NUMBER, "How many.", "-n", "--count").repeatable());
  static final Option<String> NAME =
      SHARED.add(Option.value("NAME", t -> t, "A name.", "--name").withDefault("anon"));
  static final Option<String> FILE = SHARED.add(Option.value("FILE", t -> t, "A file.", "--file"));

  static {
    SHARED.exclusive(NAME, FILE);
  }

  static final Option<Shape> SHAPE =
      Option.value("SHAPE", Choice.of(Shape.class), "The shape.", "-s", "--shape");
  static final Option<Boolean> LOUD = Option.flag("Shout.", "-l", "--loud");
  static final Option<String> FROM = Option.value("V", t -> t, "From.", "--from").required();
  static final Option<String> TO = Option.value("V", t -> t, "To.", "--to").required();
  static final Parameters<String> PATHS = new Parameters<>("PATH", t -> t, "Paths.", 1);

  static final CommandSpec CMD =
      CommandSpec.builder("tool run", "Runs.").include(SHARED).option(SHAPE).option(LOUD).build();

  static ParsedArgs parse(CommandSpec spec, String... args) {
    return ArgParser.parse(spec, List.of(args));
  }

  static UsageException refused(CommandSpec spec, String... args) {
    try {
      ArgParser.parse(spec, List.of(args));
    } catch (UsageException e) {
      return e;
    }
    throw new AssertionError("accepted: " + String.join(" ", args));
  }

  @Test
  void everySpellingOfAValueIsRead() {
    for (String[] line :
        List.of(
            new String[] {"--count", "3"},
            new String[] {"--count=3"},
            new String[] {"-n", "3"},
            new String[] {"-n=3"},
            new String[] {"-n3"})) {
      assertThat(parse(CMD, line).all(COUNT)).as(String.join(" ", line)).containsExactly(3);
    }
  }

  @Test
  void aRepeatableOptionKeepsEveryValueInOrder() {
    ParsedArgs p = parse(CMD, "-n", "3", "--count=1", "-n2");
    assertThat(p.all(COUNT)).containsExactly(3, 1, 2);
    assertThat(p.get(COUNT)).isEqualTo(2);
  }

  @Test
  void anOptionNotGivenHasItsDefaultOrNull() {
    ParsedArgs p = parse(CMD);
    assertThat(p.has(NAME)).isFalse();
    assertThat(p.get(NAME)).isEqualTo("anon");
    assertThat(p.get(FILE)).isNull();
    assertThat(p.get(LOUD)).isFalse();
    assertThat(p.all(COUNT)).isEmpty();
    assertThat(parse(CMD, "--name", "x").get(NAME)).isEqualTo("x");
  }

  @Test
  void flagsAreTrueWhenGivenAndMayBeClustered() {
    assertThat(parse(CMD, "--loud").get(LOUD)).isTrue();
    assertThat(parse(CMD, "-l").get(LOUD)).isTrue();
    ParsedArgs p = parse(CMD, "-ln4");
    assertThat(p.get(LOUD)).isTrue();
    assertThat(p.all(COUNT)).containsExactly(4);
  }

  @Test
  void aFlagTakesNoValue() {
    assertThat(refused(CMD, "--loud=yes")).hasMessage("option '--loud' takes no value");
    assertThat(refused(CMD, "-l=yes")).hasMessage("option '--loud' takes no value");
  }

  @Test
  void anOptionTakingOneValueIsRefusedTwice() {
    assertThat(refused(CMD, "--name", "a", "--name=b"))
        .hasMessage("option '--name' is given more than once; it takes one value");
  }

  @Test
  void aMissingValueIsNamed() {
    assertThat(refused(CMD, "--name")).hasMessage("option '--name' needs a value (NAME)");
    assertThat(refused(CMD, "-n")).hasMessage("option '--count' needs a value (N)");
  }

  @Test
  void aValueNeverSwallowsTheNextOption() {
    UsageException e = refused(CMD, "--name", "--loud");
    assertThat(e).hasMessage("option '--name' needs a value (NAME) but is followed by '--loud'");
    assertThat(e.advice()).contains("--name=VALUE");
    assertThat(parse(CMD, "--name=--loud").get(NAME)).isEqualTo("--loud");
    assertThat(parse(CMD, "--name", "-").get(NAME)).isEqualTo("-");
  }

  @Test
  void unknownOptionsSuggestTheNearestNames() {
    assertThat(refused(CMD, "--cuont", "1").suggestions()).containsExactly("--count");
    assertThat(refused(CMD, "--cou").suggestions()).containsExactly("--count");
    assertThat(refused(CMD, "--Loud").suggestions()).containsExactly("--loud");
    assertThat(refused(CMD, "-L").suggestions()).containsExactly("-l");
    UsageException none = refused(CMD, "--frobnicate");
    assertThat(none).hasMessage("unknown option '--frobnicate'");
    assertThat(none.suggestions()).isEmpty();
  }

  @Test
  void aLongNameWithOneDashIsNotReadAsAShortOptionWithAValue() {
    UsageException e = refused(CMD, "-count", "3");
    assertThat(e).hasMessage("unknown option '-count'");
    assertThat(e.suggestions()).containsExactly("--count");
    assertThat(refused(CMD, "-name=x").suggestions()).containsExactly("--name");
  }

  @Test
  void aBadValueSaysWhyAndAChoiceSuggestsTheNearestWord() {
    assertThat(refused(CMD, "--count", "many"))
        .hasMessage("invalid value for option '--count' (N): 'many' is not a whole number");
    UsageException e = refused(CMD, "--shape", "sqare");
    assertThat(e)
        .hasMessage(
            "invalid value for option '--shape' (SHAPE): expected one of round, square but was"
                + " 'sqare'");
    assertThat(e.suggestions()).containsExactly("square");
    assertThat(parse(CMD, "-s", "round").get(SHAPE)).isEqualTo(Shape.round);
  }

  @Test
  void exclusiveOptionsAreRefusedTogether() {
    assertThat(refused(CMD, "--name", "a", "--file", "b"))
        .hasMessage("options --name and --file are mutually exclusive; give only one");
    assertThat(parse(CMD, "--file", "b").get(FILE)).isEqualTo("b");
  }

  @Test
  void requiredOptionsAreNamedWhenMissing() {
    CommandSpec spec = CommandSpec.builder("tool diff", "Diffs.").option(FROM).option(TO).build();
    assertThat(refused(spec)).hasMessage("missing required options '--from=V', '--to=V'");
    assertThat(refused(spec, "--from", "1")).hasMessage("missing required option '--to=V'");
    ParsedArgs p = parse(spec, "--to", "2", "--from", "1");
    assertThat(p.get(FROM)).isEqualTo("1");
    assertThat(p.get(TO)).isEqualTo("2");
  }

  @Test
  void parametersAreCountedAndDoubleDashEndsTheOptions() {
    CommandSpec spec =
        CommandSpec.builder("tool check", "Checks.").option(LOUD).parameters(PATHS).build();
    assertThat(refused(spec, "--loud")).hasMessage("missing required parameter PATH");
    ParsedArgs p = parse(spec, "a", "--loud", "b", "--", "--loud", "-x");
    assertThat(p.parameters(PATHS)).containsExactly("a", "b", "--loud", "-x");
    assertThat(p.get(LOUD)).isTrue();
  }

  @Test
  void aStrayArgumentIsRefusedWhenTheCommandTakesNone() {
    UsageException e = refused(CMD, "extra");
    assertThat(e).hasMessage("unexpected argument 'extra'");
    assertThat(e.advice()).contains("'tool run' takes no arguments");
  }

  @Test
  void helpAnywhereBeforeDoubleDashWinsOverEverythingElse() {
    assertThat(parse(CMD, "--frobnicate", "--help").has(CommandSpec.HELP)).isTrue();
    assertThat(parse(CMD, "-n", "x", "-h").has(CommandSpec.HELP)).isTrue();
    CommandSpec spec = CommandSpec.builder("tool diff", "Diffs.").option(FROM).build();
    assertThat(parse(spec, "--help").has(CommandSpec.HELP)).isTrue();
    assertThat(parse(spec, "--version").has(CommandSpec.VERSION)).isTrue();
    CommandSpec withPaths = CommandSpec.builder("tool check", "Checks.").parameters(PATHS).build();
    assertThat(parse(withPaths, "--", "--help").has(CommandSpec.HELP)).isFalse();
  }

  @Test
  void declarationsThatCannotWorkAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> CommandSpec.builder("t", "T.").option(LOUD).option(LOUD).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declares -l twice");
    assertThatThrownBy(() -> Option.flag("x", "--Bad"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Option.flag("x", "-ab")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Option.flag("x", "-a", "-b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Option.flag("x", "--loud").repeatable())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new OptionGroup().exclusive(LOUD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse(CMD).parameters(PATHS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
