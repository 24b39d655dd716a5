package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Shapes are keys in order and value types; values themselves never matter. */
class CleanShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void documentsDifferingOnlyInValuesShareAShape() throws Exception {
    JsonNode a =
        json(
            "{\"kind\":\"Service\",\"spec\":{\"ports\":[{\"port\":80,\"name\":\"a\"}],\"x\":true}}");
    JsonNode b =
        json(
            "{\"kind\":\"Service\",\"spec\":{\"ports\":[{\"port\":8080,\"name\":\"zz\"}],\"x\":false}}");
    assertThat(CleanShapes.sameShape(a, b)).isTrue();
    assertThat(CleanShapes.hash(a)).isEqualTo(CleanShapes.hash(b));
    CleanShapes clean = new CleanShapes();
    clean.add("Service", a);
    assertThat(clean.contains("Service", b)).isTrue();
    assertThat(clean.contains("Deployment", b)).as("another definition").isFalse();
  }

  @Test
  void keysTypesOrderAndLengthsTellShapesApart() throws Exception {
    JsonNode base = json("{\"a\":1,\"b\":\"s\",\"c\":[1,2]}");
    CleanShapes clean = new CleanShapes();
    clean.add("D", base);
    for (String other :
        new String[] {
          "{\"b\":\"s\",\"a\":1,\"c\":[1,2]}", // key order
          "{\"a\":\"1\",\"b\":\"s\",\"c\":[1,2]}", // string for a number
          "{\"a\":1.5,\"b\":\"s\",\"c\":[1,2]}", // a fraction for an integer
          "{\"a\":1,\"b\":\"s\",\"c\":[1]}", // a shorter list
          "{\"a\":1,\"b\":\"s\",\"c\":[1,2],\"d\":null}", // one more key
          "{\"a\":1,\"bb\":\"s\",\"c\":[1,2]}", // another key
          "{\"a\":1,\"b\":{},\"c\":[1,2]}"
        }) { // an object for a string
      JsonNode doc = json(other);
      assertThat(CleanShapes.sameShape(base, doc)).as(other).isFalse();
      assertThat(clean.contains("D", doc)).as(other).isFalse();
    }
    assertThat(CleanShapes.sameShape(json("{\"a\":1.0}"), json("{\"a\":2.0}")))
        .as("whole floats")
        .isTrue();
    assertThat(CleanShapes.sameShape(json("{\"a\":1.0}"), json("{\"a\":1}")))
        .as("whole float and integer")
        .isFalse();
  }
}
