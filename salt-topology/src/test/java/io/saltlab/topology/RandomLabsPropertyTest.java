package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.validate.ManifestValidationException;
import io.saltlab.core.validate.ManifestValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random labs: every lab the model accepts renders schema-clean and problem-free for every target
 * with a bundled schema; every lab it refuses fails with the model's or the validator's own
 * exception, never another one.
 */
class RandomLabsPropertyTest {
  private static final AtomicInteger VALID_RENDERS = new AtomicInteger();
  private static final AtomicInteger INVALID_CASES = new AtomicInteger();

  @Property(tries = 40)
  void validLabsRenderCleanForEveryBundledVersion(@ForAll("validLabs") SaltLab lab) {
    for (KubernetesVersion target : ManifestValidator.schemaVersions()) {
      if (target.minor() == 5 && refusedOn15(lab)) {
        // Refused, never rendered with a StatefulSet whose serviceName names nothing.
        assertThatThrownBy(() -> lab.render(target))
            .isInstanceOf(InvalidLabException.class)
            .hasMessageContaining(".ports: missing; expected at least one port on Kubernetes 1.5");
        continue;
      }
      Manifests m = lab.render(target);
      assertThat(m.validation()).isPresent();
      // Not even a warning: on 1.5 a port-less STATEFUL role is refused above (its StatefulSet
      // would name a Service 1.5 cannot have), and a port-less FIXED role simply gets no Service.
      assertThat(m.validation().get().problems())
          .as("target %s\n%s", target, m.validation().get().format())
          .isEmpty();
      assertThat(m.validation().get().isSchemaChecked()).as("target %s", target).isTrue();
      VALID_RENDERS.incrementAndGet();
    }
  }

  /** Whether a lab has a STATEFUL role without ports, which 1.5 cannot give its Service. */
  private static boolean refusedOn15(SaltLab lab) {
    return lab.roles().stream()
        .anyMatch(r -> r.identity() == MinionIdentity.STATEFUL && r.ports().isEmpty());
  }

  @Property(tries = 300)
  void invalidLabsFailWithTheirOwnExceptionOnly(@ForAll("anyLabs") LabDraft draft) {
    try {
      SaltLab lab = draft.build();
      lab.render("1.36");
      lab.render("1.6");
    } catch (InvalidLabException | ManifestValidationException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      INVALID_CASES.incrementAndGet();
    } catch (IllegalStateException missingAttribute) {
      // Immutables' own check for a required attribute left unset: names the attribute.
      assertThat(missingAttribute.getMessage()).contains("required attributes are not set");
      INVALID_CASES.incrementAndGet();
    }
  }

  @AfterContainer
  static void report() {
    System.out.println(
        "random labs: "
            + VALID_RENDERS.get()
            + " clean renders over bundled versions, "
            + INVALID_CASES.get()
            + " refused labs reported with a problem list");
  }

  @Provide
  Arbitrary<SaltLab> validLabs() {
    // NUL is the one character an env value cannot hold (refused, see HostileValuesPropertyTest).
    Arbitrary<String> envValues =
        Arbitraries.strings().ofMaxLength(30).filter(s -> s.indexOf('\0') < 0);
    return roles(validName(), Arbitraries.integers().between(1, 65535), envValues)
        .map(
            roles -> {
              SaltLab.Builder b = TestLabs.base();
              List<String> seen = new ArrayList<>();
              seen.add("salt-master");
              for (AppRole r : roles) {
                if (!seen.contains(r.name())
                    && !r.name().equals("saltlab")
                    && !r.name().equals("top")) {
                  seen.add(r.name());
                  b.addRoles(r);
                }
              }
              return b.build();
            });
  }

  @Provide
  Arbitrary<LabDraft> anyLabs() {
    Arbitrary<String> names = Arbitraries.oneOf(validName(), Arbitraries.strings().ofMaxLength(70));
    return Combinators.combine(
            names,
            Arbitraries.oneOf(
                Arbitraries.of("/srv/salt", "$HOME/salt", "~/salt", "relative", "/a/../b", ""),
                Arbitraries.strings().ofMaxLength(20)),
            roles(
                names,
                Arbitraries.integers().between(-5, 70000),
                Arbitraries.strings().ofMaxLength(30)))
        .as(LabDraft::new);
  }

  private static Arbitrary<String> validName() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('-', '0', '9')
        .ofMinLength(1)
        .ofMaxLength(30)
        .filter(s -> s.matches("[a-z]([-a-z0-9]*[a-z0-9])?"));
  }

  private static Arbitrary<List<AppRole>> roles(
      Arbitrary<String> names, Arbitrary<Integer> ports, Arbitrary<String> envValues) {
    Arbitrary<AppRole> role =
        Combinators.combine(
                names,
                Arbitraries.integers().between(0, 3),
                ports.list().ofMaxSize(3),
                Arbitraries.of(MinionIdentity.values()),
                envValues)
            .as(
                (name, replicas, portNumbers, identity, envValue) -> {
                  AppRole.Builder b =
                      AppRole.builder()
                          .name(name)
                          .identity(identity)
                          .replicas(
                              identity == MinionIdentity.FIXED ? Math.min(replicas, 1) : replicas)
                          .putEnv("ROLE_VALUE", envValue)
                          .putLabels("tier", "app");
                  int i = 0;
                  for (int p : portNumbers.stream().distinct().toList()) {
                    b.addPorts(RolePort.of("p" + i++, p));
                  }
                  return b.build();
                });
    return role.list().ofMinSize(1).ofMaxSize(6);
  }

  /** The inputs of a possibly invalid lab, built only inside the property. */
  static final class LabDraft {
    private final String name;
    private final String hostRoot;
    private final List<AppRole> roles;

    LabDraft(String name, String hostRoot, List<AppRole> roles) {
      this.name = name;
      this.hostRoot = hostRoot;
      this.roles = roles;
    }

    SaltLab build() {
      SaltLab.Builder b =
          TestLabs.base(
              name,
              SaltMaster.builder()
                  .image("registry.example.com:5000/salt/master:3006.9")
                  .node("kube0")
                  .hostRoot(hostRoot)
                  .build());
      roles.forEach(b::addRoles);
      return b.build();
    }

    @Override
    public String toString() {
      return "LabDraft[name=" + name + ", hostRoot=" + hostRoot + ", roles=" + roles + "]";
    }
  }
}
