package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpecFluent;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds a ConfigMap or Secret volume to the pod spec of the named workload.
 *
 * <p>dekorate's ConfigMap and Secret volume decorators always write {@code optional}, a field
 * Kubernetes 1.5 does not know; this one leaves it out (its default, false, is what saltlab wants)
 * so the same decorator serves every target.
 */
public final class AddKeyToPathVolumeDecorator extends ResourceDecorator {

  /** Which kind of object the volume projects. */
  public enum Source {
    /** A ConfigMap ({@code configMap.name}). */
    CONFIG_MAP,
    /** A Secret ({@code secret.secretName}). */
    SECRET
  }

  private final Source source;
  private final String volumeName;
  private final String objectName;
  private final Integer defaultMode;
  private final Map<String, String> items;
  private final Integer itemMode;

  /**
   * Creates the decorator.
   *
   * @param workloadName {@code metadata.name} of the workload to change
   * @param source ConfigMap or Secret
   * @param volumeName the volume's name, referenced by {@code volumeMounts[].name}
   * @param objectName the ConfigMap's or Secret's name
   * @param defaultMode file mode of the projected files, or {@code null} for the default
   * @param items key to file path, in the order to write; empty to project every key
   * @param itemMode file mode of each item, or {@code null}
   */
  public AddKeyToPathVolumeDecorator(
      String workloadName,
      Source source,
      String volumeName,
      String objectName,
      Integer defaultMode,
      Map<String, String> items,
      Integer itemMode) {
    super(Objects.requireNonNull(workloadName, "workloadName"));
    this.source = Objects.requireNonNull(source, "source");
    this.volumeName = Objects.requireNonNull(volumeName, "volumeName");
    this.objectName = Objects.requireNonNull(objectName, "objectName");
    this.defaultMode = defaultMode;
    this.items = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(items));
    this.itemMode = itemMode;
  }

  /**
   * Appends the volume to every pod spec of the workload.
   *
   * @param parts the workload's builder and its parts
   */
  @Override
  protected void change(ResourceParts parts) {
    for (PodSpecFluent<?> spec : parts.all(PodSpecFluent.class)) {
      addTo(spec);
    }
  }

  private void addTo(PodSpecFluent<?> spec) {
    List<KeyToPath> itemList = null;
    if (!items.isEmpty()) {
      itemList = new ArrayList<>(items.size());
      for (Map.Entry<String, String> item : items.entrySet()) {
        KeyToPath keyToPath = new KeyToPath();
        keyToPath.setKey(item.getKey());
        keyToPath.setPath(item.getValue());
        keyToPath.setMode(itemMode);
        itemList.add(keyToPath);
      }
    }
    Volume volume = new Volume();
    volume.setName(volumeName);
    if (source == Source.CONFIG_MAP) {
      ConfigMapVolumeSource configMap = new ConfigMapVolumeSource();
      configMap.setName(objectName);
      configMap.setDefaultMode(defaultMode);
      configMap.setItems(itemList);
      volume.setConfigMap(configMap);
    } else {
      SecretVolumeSource secret = new SecretVolumeSource();
      secret.setSecretName(objectName);
      secret.setDefaultMode(defaultMode);
      secret.setItems(itemList);
      volume.setSecret(secret);
    }
    // The pod spec copies the volume into a builder of its own.
    spec.addToVolumes(volume);
  }
}
