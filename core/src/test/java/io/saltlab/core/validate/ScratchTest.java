package io.saltlab.core.validate;

import io.saltlab.core.KubernetesVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void scratch() throws Exception {
    try (var p = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().getFactory().createParser(java.nio.file.Files.readString(Path.of("/tmp/broken-secret.yaml")))) {
      new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(p);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      System.out.println("ORIG<<" + e.getOriginalMessage() + ">>");
    }
    System.out.println(ManifestValidator.forTarget(KubernetesVersion.of("1.36")).validatePaths(Path.of("/tmp/broken-secret.yaml"), Path.of("src/test/resources/validate/defects/yaml-syntax-error.yaml")).format());
  }
}
