package io.saltlab.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every saltlab goal takes: {@code skip} and the objects the cluster has already, as the
 * command line's {@code --existing-namespace}, {@code --existing-secret} and {@code
 * --existing-configmap} take them.
 */
abstract class SaltlabMojo extends AbstractMojo {

  /**
   * Namespaces the cluster has already, so objects may live in them ({@code default}, {@code
   * kube-system}, {@code kube-public} and {@code kube-node-lease} always count).
   */
  @Parameter List<String> existingNamespaces = new ArrayList<>();

  /**
   * Secrets the cluster has already, as {@code NAMESPACE/NAME} (for example an image pull Secret
   * made with kubectl): references to them are not reported.
   */
  @Parameter List<String> existingSecrets = new ArrayList<>();

  /** ConfigMaps the cluster has already, as {@code NAMESPACE/NAME}. */
  @Parameter List<String> existingConfigMaps = new ArrayList<>();

  /** Skips every saltlab goal. */
  @Parameter(property = "saltlab.skip", defaultValue = "false")
  boolean skip;

  /** The {@code existing*} settings. */
  Existing existing() {
    return new Existing(existingNamespaces, existingSecrets, existingConfigMaps);
  }
}
