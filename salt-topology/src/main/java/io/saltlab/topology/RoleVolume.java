package io.saltlab.topology;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A volume a role's container mounts at a path: per-member data that survives restarts, an existing
 * claim, scratch space, files the lab supplies, or an existing Secret or ConfigMap. Each kind is a
 * record; make them with the static methods ({@link #perMember}, {@link #existingClaim}...).
 */
public sealed interface RoleVolume
    permits RoleVolume.PerMember,
        RoleVolume.ExistingClaim,
        RoleVolume.EmptyDir,
        RoleVolume.Files,
        RoleVolume.ExistingSecret,
        RoleVolume.ExistingConfigMap {

  /** The volume's name in the pod (and of the claim template for {@link PerMember}). */
  String name();

  /** The absolute directory the container sees the volume at. */
  String mountPath();

  /** How a claim may be attached to nodes. */
  enum AccessMode {
    /** Read-write by one node: what block storage offers, and the default. */
    ReadWriteOnce,
    /** Read-only by many nodes. */
    ReadOnlyMany,
    /** Read-write by many nodes (shared file systems). */
    ReadWriteMany
  }

  /**
   * Per-member persistent data of a STATEFUL role: one claim per pod, made from a {@code
   * volumeClaimTemplates} entry, kept when the pod is replaced or rescheduled.
   *
   * @param name the volume's and the claim template's name, for example {@code data}
   * @param mountPath where the container sees it, for example {@code /var/lib/zookeeper}
   * @param size the claim's size, a quantity such as {@code 1Gi}
   * @param storageClass the storage class, or empty for the cluster's default
   * @param accessMode how the claim is attached
   */
  record PerMember(
      String name,
      String mountPath,
      String size,
      Optional<String> storageClass,
      AccessMode accessMode)
      implements RoleVolume {
    /** Checks the parts. */
    public PerMember {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mountPath, "mountPath");
      Objects.requireNonNull(size, "size");
      Objects.requireNonNull(storageClass, "storageClass");
      Objects.requireNonNull(accessMode, "accessMode");
    }

    /**
     * The same volume in a given storage class.
     *
     * @param storageClassName for example {@code standard}
     * @return the volume
     */
    public PerMember withStorageClass(String storageClassName) {
      return new PerMember(name, mountPath, size, Optional.of(storageClassName), accessMode);
    }

    /**
     * The same volume with another access mode.
     *
     * @param mode the mode
     * @return the volume
     */
    public PerMember withAccessMode(AccessMode mode) {
      return new PerMember(name, mountPath, size, storageClass, mode);
    }
  }

  /**
   * A PersistentVolumeClaim that already exists in the namespace, shared by every pod of the role.
   *
   * @param name the volume's name in the pod
   * @param mountPath where the container sees it
   * @param claimName the claim's name
   * @param readOnly whether the container mounts it read-only
   */
  record ExistingClaim(String name, String mountPath, String claimName, boolean readOnly)
      implements RoleVolume {
    /** Checks the parts. */
    public ExistingClaim {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mountPath, "mountPath");
      Objects.requireNonNull(claimName, "claimName");
    }
  }

  /**
   * Scratch space that lives as long as the pod: an {@code emptyDir}.
   *
   * @param name the volume's name
   * @param mountPath where the container sees it
   * @param inMemory whether it is a tmpfs (counted as the container's memory)
   * @param sizeLimit the most it may hold, a quantity, or empty; from 1.10
   */
  record EmptyDir(String name, String mountPath, boolean inMemory, Optional<String> sizeLimit)
      implements RoleVolume {
    /** Checks the parts. */
    public EmptyDir {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mountPath, "mountPath");
      Objects.requireNonNull(sizeLimit, "sizeLimit");
    }

    /**
     * The same scratch space with a size limit.
     *
     * @param limit a quantity such as {@code 64Mi}
     * @return the volume
     */
    public EmptyDir withSizeLimit(String limit) {
      return new EmptyDir(name, mountPath, inMemory, Optional.of(limit));
    }
  }

  /**
   * Files the lab supplies, rendered into a ConfigMap of the role ({@link
   * LabNames#roleFiles(AppRole, RoleVolume)}) and mounted read-only as a directory.
   *
   * @param name the volume's name
   * @param mountPath the directory the files appear in
   * @param files file name to content, sorted by name
   */
  record Files(String name, String mountPath, SortedMap<String, String> files)
      implements RoleVolume {
    /** Checks the parts and keeps a sorted, unmodifiable copy of the files. */
    public Files {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mountPath, "mountPath");
      files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
  }

  /**
   * A Secret that already exists in the namespace, mounted read-only as a directory of its keys.
   *
   * @param name the volume's name
   * @param mountPath the directory
   * @param secretName the Secret's name
   */
  record ExistingSecret(String name, String mountPath, String secretName) implements RoleVolume {
    /** Checks the parts. */
    public ExistingSecret {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mountPath, "mountPath");
      Objects.requireNonNull(secretName, "secretName");
    }
  }

  /**
   * A ConfigMap that already exists in the namespace, mounted read-only as a directory of its keys.
   *
   * @param name the volume's name
   * @param mountPath the directory
   * @param configMapName the ConfigMap's name
   */
  record ExistingConfigMap(String name, String mountPath, String configMapName)
      implements RoleVolume {
    /** Checks the parts. */
    public ExistingConfigMap {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mountPath, "mountPath");
      Objects.requireNonNull(configMapName, "configMapName");
    }
  }

  /**
   * Per-member data of a STATEFUL role, read-write by one node, in the default storage class.
   *
   * @param name the volume's name, for example {@code data}
   * @param mountPath for example {@code /var/lib/zookeeper}
   * @param size a quantity, for example {@code 1Gi}
   * @return the volume; {@link PerMember#withStorageClass} and {@link PerMember#withAccessMode}
   *     change the rest
   */
  static PerMember perMember(String name, String mountPath, String size) {
    return new PerMember(name, mountPath, size, Optional.empty(), AccessMode.ReadWriteOnce);
  }

  /**
   * An existing claim, mounted read-write.
   *
   * @param name the volume's name
   * @param mountPath where the container sees it
   * @param claimName the claim's name
   * @return the volume
   */
  static ExistingClaim existingClaim(String name, String mountPath, String claimName) {
    return new ExistingClaim(name, mountPath, claimName, false);
  }

  /**
   * Scratch space on the node's disk, unbounded.
   *
   * @param name the volume's name
   * @param mountPath where the container sees it
   * @return the volume
   */
  static EmptyDir emptyDir(String name, String mountPath) {
    return new EmptyDir(name, mountPath, false, Optional.empty());
  }

  /**
   * Files the lab supplies.
   *
   * @param name the volume's name
   * @param mountPath the directory
   * @param files file name to content
   * @return the volume
   */
  static Files files(String name, String mountPath, java.util.Map<String, String> files) {
    return new Files(name, mountPath, new TreeMap<>(files));
  }

  /**
   * An existing Secret as a directory.
   *
   * @param name the volume's name
   * @param mountPath the directory
   * @param secretName the Secret
   * @return the volume
   */
  static ExistingSecret existingSecret(String name, String mountPath, String secretName) {
    return new ExistingSecret(name, mountPath, secretName);
  }

  /**
   * An existing ConfigMap as a directory.
   *
   * @param name the volume's name
   * @param mountPath the directory
   * @param configMapName the ConfigMap
   * @return the volume
   */
  static ExistingConfigMap existingConfigMap(String name, String mountPath, String configMapName) {
    return new ExistingConfigMap(name, mountPath, configMapName);
  }
}
