package io.saltlab.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Equal trees, and the same node class at every position (IntNode is not LongNode). */
  private static void assertSameTree(JsonNode expected, JsonNode actual, String at) {
    assertThat(actual.getClass()).as(at).isEqualTo(expected.getClass());
    assertThat(actual).as(at).isEqualTo(expected);
    if (expected.isObject()) {
      assertThat(actual.properties().stream().map(Map.Entry::getKey))
          .as(at + " key order")
          .containsExactlyElementsOf(
              expected.properties().stream().map(Map.Entry::getKey).toList());
    }
    Iterator<Map.Entry<String, JsonNode>> fields =
        expected.isObject() ? expected.properties().iterator() : null;
    if (fields != null) {
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        assertSameTree(e.getValue(), actual.get(e.getKey()), at + "." + e.getKey());
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSameTree(expected.get(i), actual.get(i), at + "[" + i + "]");
      }
    }
  }

  private static void assertLikeValueToTree(Object value) {
    assertSameTree(JSON.valueToTree(value), TreeGenerator.tree(JSON, value), "$");
  }

  /** Like {@link #assertLikeValueToTree}, and without falling back to valueToTree. */
  private static void assertBuiltDirectly(Object value) {
    JsonNode direct = TreeGenerator.direct(JSON, value);
    assertThat(direct).as("built directly").isNotNull();
    assertSameTree(JSON.valueToTree(value), direct, "$");
  }

  @Test
  void kubernetesObjectsGiveTheTreesOfValueToTree() {
    assertBuiltDirectly(
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("web")
            .addToLabels("a", "b")
            .addToAnnotations("x", "")
            .endMetadata()
            .withNewSpec()
            .withReplicas(2)
            .withNewSelector()
            .addToMatchLabels("a", "b")
            .endSelector()
            .withNewTemplate()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .withTty(true)
            .addToArgs("--x", "")
            .addNewPort()
            .withContainerPort(8080)
            .endPort()
            .withNewResources()
            .addToLimits("cpu", new Quantity("500m"))
            .endResources()
            .withNewLivenessProbe()
            .withNewTcpSocket()
            .withPort(new IntOrString("http"))
            .endTcpSocket()
            .withTimeoutSeconds(2)
            .endLivenessProbe()
            .endContainer()
            .addNewVolume()
            .withName("v")
            .withNewSecret()
            .withDefaultMode(0400)
            .endSecret()
            .endVolume()
            .addNewVolume()
            .withName("e")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
    assertBuiltDirectly(
        new ServiceBuilder()
            .withNewMetadata()
            .withName("s")
            .endMetadata()
            .withNewSpec()
            .addNewPort()
            .withPort(80)
            .withTargetPort(new IntOrString(8080))
            .endPort()
            .endSpec()
            .build());
    assertBuiltDirectly(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("c")
            .endMetadata()
            .addToData("multi", "a\nb\n")
            .addToData("empty", "")
            .build());
    assertBuiltDirectly(
        new SecretBuilder()
            .withNewMetadata()
            .withName("s")
            .endMetadata()
            .withType("Opaque")
            .addToData("k", "dmFsdWU=")
            .withImmutable(false)
            .build());
  }

  @Test
  void everyValueTypeGivesTheNodeOfValueToTree() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("int", 1);
    all.put("long", 1L);
    all.put("bigLong", Long.MAX_VALUE);
    all.put("short", (short) 3);
    all.put("bigInteger", BigInteger.TEN.pow(30));
    all.put("double", 1.5);
    all.put("wholeDouble", 2.0);
    all.put("float", 1.25f);
    all.put("decimal", new BigDecimal("1.50"));
    all.put("bytes", new byte[] {1, 2, 3});
    all.put("true", true);
    all.put("null", null);
    all.put("text", "x");
    List<Object> list = new ArrayList<>();
    list.add(List.of());
    list.add(Map.of());
    list.add(null);
    all.put("list", list);
    all.put("nested", Map.of("node", JSON.createObjectNode().put("a", 1)));
    assertLikeValueToTree(all);
    all.remove("float");
    all.remove("decimal");
    assertBuiltDirectly(all);
    assertLikeValueToTree(List.of(1, "two", 3.0));
    assertLikeValueToTree("scalar");
  }
}
