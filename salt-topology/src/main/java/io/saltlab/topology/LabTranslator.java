package io.saltlab.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dekorate.kubernetes.config.DeploymentStrategy;
import io.dekorate.kubernetes.config.Env;
import io.dekorate.kubernetes.config.Label;
import io.dekorate.kubernetes.config.Mount;
import io.dekorate.kubernetes.decorator.AddEnvVarDecorator;
import io.dekorate.kubernetes.decorator.AddImagePullSecretDecorator;
import io.dekorate.kubernetes.decorator.AddLabelDecorator;
import io.dekorate.kubernetes.decorator.AddMountDecorator;
import io.dekorate.kubernetes.decorator.ApplyDeploymentStrategyDecorator;
import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.saltlab.core.ApiVersionTable;
import io.saltlab.core.ApiVersions;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.RegistrySecretFormat;
import io.saltlab.core.decorate.AddHostPathVolumeDecorator;
import io.saltlab.core.decorate.ApplyTargetApiVersionDecorator;
import io.saltlab.core.render.ManifestRenderer;
import io.saltlab.core.render.Manifests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Translates a {@link SaltLab} into fabric8 objects and the decorators that finish them, then
 * hands both to the core renderer. Lab-wide decorators run once over the whole list; decorators
 * that concern one workload run on that workload's builder alone, so the cost stays linear in the
 * number of roles.
 */
final class LabTranslator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MASTER_COMPONENT = "salt-master";
  private static final String MINION_COMPONENT = "salt-minion";

  private LabTranslator() {}

  static Manifests render(SaltLab lab, KubernetesVersion target) {
    ApiVersions api = ApiVersionTable.forTarget(target);
    List<HasMetadata> objects = new ArrayList<>(4 + 2 * lab.roles().size());
    objects.add(namespace(lab));
    objects.add(pullSecret(lab, api));
    SaltMaster master = lab.master();
    objects.add(
        service(
            lab,
            master.name(),
            List.of(
                servicePort("salt-pub", master.publishPort()),
                servicePort("salt-ret", master.returnPort()))));
    objects.add(masterDeployment(lab, api));
    for (AppRole role : lab.roles()) {
      List<ServicePort> ports = new ArrayList<>();
      for (RolePort p : role.ports()) {
        ports.add(servicePort(p.name(), p.port()));
      }
      objects.add(service(lab, role.name(), ports));
      objects.add(roleDeployment(lab, role));
    }
    return new ManifestRenderer(target).render(objects, labDecorators(lab, target));
  }

  /** The decorators that apply to every object, in the order they run. */
  static List<Decorator<?>> labDecorators(SaltLab lab, KubernetesVersion target) {
    return List.of(
        new AddLabelDecorator(new Label(Labels.MANAGED_BY, "saltlab", new String[0])),
        new AddLabelDecorator(new Label(Labels.PART_OF, lab.name(), new String[0])),
        new AddImagePullSecretDecorator(Decorator.ANY, lab.registry().secretName()),
        new ApplyTargetApiVersionDecorator(target));
  }

  private static Namespace namespace(SaltLab lab) {
    return new NamespaceBuilder().withNewMetadata().withName(lab.namespace()).endMetadata().build();
  }

  /**
   * The pull Secret, shaped as {@code kubectl create secret docker-registry} shapes it for the
   * target: the same four fields, {@code auth} being base64 of {@code user:password}.
   */
  static Secret pullSecret(SaltLab lab, ApiVersions api) {
    Registry registry = lab.registry();
    String password = registry.password().reveal();
    ObjectNode entry = JSON.createObjectNode();
    entry.put("username", registry.username());
    entry.put("password", password);
    registry.email().ifPresent(e -> entry.put("email", e));
    entry.put("auth", base64(registry.username() + ":" + password));
    ObjectNode config = JSON.createObjectNode();
    RegistrySecretFormat format = api.registrySecretFormat();
    if (format == RegistrySecretFormat.DOCKERCONFIGJSON) {
      config.putObject("auths").set(registry.server(), entry);
    } else {
      config.set(registry.server(), entry);
    }
    return new SecretBuilder()
        .withNewMetadata()
        .withName(registry.secretName())
        .withNamespace(lab.namespace())
        .endMetadata()
        .withType(format.secretType())
        .withData(Map.of(format.dataKey(), base64(config.toString())))
        .build();
  }

  private static Service service(SaltLab lab, String name, List<ServicePort> ports) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(lab.namespace())
        .withLabels(Labels.selector(lab, name))
        .endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withSelector(Labels.selector(lab, name))
        .withPorts(ports)
        .endSpec()
        .build();
  }

  private static Deployment masterDeployment(SaltLab lab, ApiVersions api) {
    SaltMaster master = lab.master();
    DeploymentBuilder builder =
        workload(
            lab,
            master.name(),
            MASTER_COMPONENT,
            Map.of(),
            1,
            master.image(),
            master.command(),
            master.args(),
            List.of(
                containerPort("salt-pub", master.publishPort()),
                containerPort("salt-ret", master.returnPort())));
    String hostPathType = api.supportsHostPathType() ? "DirectoryOrCreate" : null;
    for (SaltDirectory dir : SaltDirectory.values()) {
      builder.accept(
          new AddMountDecorator(
              master.name(),
              master.name(),
              new Mount(dir.volumeName(), master.mountPath(dir), null, null)));
      builder.accept(
          new AddHostPathVolumeDecorator(
              master.name(), dir.volumeName(), master.hostPath(dir), hostPathType));
    }
    // One master owns the host paths: a rolling update would run two masters on them at once.
    builder.accept(new ApplyDeploymentStrategyDecorator(master.name(), DeploymentStrategy.Recreate));
    return builder.build();
  }

  private static Deployment roleDeployment(SaltLab lab, AppRole role) {
    List<ContainerPort> ports = new ArrayList<>();
    for (RolePort p : role.ports()) {
      ports.add(containerPort(p.name(), p.port()));
    }
    DeploymentBuilder builder =
        workload(
            lab,
            role.name(),
            MINION_COMPONENT,
            role.labels(),
            role.replicas(),
            lab.imageOf(role),
            role.command(),
            role.args(),
            ports);
    for (Map.Entry<String, String> e : role.env().entrySet()) {
      builder.accept(
          new AddEnvVarDecorator(
              role.name(), role.name(), new Env(e.getKey(), e.getValue(), null, null, null, null, null)));
    }
    return builder.build();
  }

  private static DeploymentBuilder workload(
      SaltLab lab,
      String name,
      String component,
      Map<String, String> extraLabels,
      int replicas,
      String image,
      List<String> command,
      List<String> args,
      List<ContainerPort> ports) {
    Map<String, String> selector = Labels.selector(lab, name);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(lab.namespace())
        .withLabels(selector)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.pod(lab, name, component, extraLabels))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(name)
        .withImage(image)
        .withCommand(command)
        .withArgs(args)
        .withPorts(ports)
        .withTty(true)
        .endContainer()
        .withRestartPolicy("Always")
        .endSpec()
        .endTemplate()
        .endSpec();
  }

  private static ServicePort servicePort(String name, int port) {
    return new ServicePortBuilder()
        .withName(name)
        .withPort(port)
        .withTargetPort(new IntOrString(name))
        .withProtocol("TCP")
        .build();
  }

  private static ContainerPort containerPort(String name, int port) {
    return new ContainerPortBuilder().withName(name).withContainerPort(port).withProtocol("TCP").build();
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
