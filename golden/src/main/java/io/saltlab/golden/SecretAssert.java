package io.saltlab.golden;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.RenderedResource;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one rendered Secret; reached from {@link ManifestsAssert#secret(String)}. Failure
 * messages name the type and data keys only: a Secret's values never reach a test report.
 */
public class SecretAssert extends AbstractAssert<SecretAssert, RenderedResource> {
  private final ManifestsAssert parent;

  /**
   * Creates the assertion.
   *
   * @param parent the manifests assertion to return to with {@link #and()}
   * @param actual the Secret under test
   */
  protected SecretAssert(ManifestsAssert parent, RenderedResource actual) {
    super(actual, SecretAssert.class);
    this.parent = parent;
  }

  /**
   * Goes back to the whole manifests, to check another object.
   *
   * @return the manifests assertion
   */
  public ManifestsAssert and() {
    return parent;
  }

  /**
   * Checks the Secret's {@code type}.
   *
   * @param type for example {@code kubernetes.io/dockerconfigjson}
   * @return this assertion
   */
  public SecretAssert hasType(String type) {
    isNotNull();
    String actualType = actual.tree().path("type").asText("Opaque");
    if (!type.equals(actualType)) {
      failWithMessage(
          "%s",
          "Expected "
              + actual.id()
              + " to have type "
              + type
              + ", but it has type "
              + actualType
              + " and data keys "
              + keys());
    }
    return this;
  }

  /**
   * Checks the Secret has a data key (its value is not looked at).
   *
   * @param key for example {@code .dockerconfigjson}
   * @return this assertion
   */
  public SecretAssert hasDataKey(String key) {
    isNotNull();
    if (!keys().contains(key)) {
      failWithMessage(
          "%s",
          "Expected "
              + actual.id()
              + " to have data key "
              + key
              + ", but its data keys are "
              + keys()
              + " (values not shown)");
    }
    return this;
  }

  private List<String> keys() {
    List<String> keys = new ArrayList<>();
    JsonNode data = actual.tree().path("data");
    data.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
