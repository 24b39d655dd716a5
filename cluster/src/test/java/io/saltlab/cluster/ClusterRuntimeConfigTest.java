package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime configuration files the scripts write, read by real parsers: containerd 1.6 (Debian's
 * package, which {@code .ci/install-tools.sh} installs) loads every configuration of version 2 and
 * shows the merged result ({@code containerd config dump}); Python's TOML parser reads every
 * version 3 configuration (containerd 2.x, not packaged for this machine) and every {@code
 * hosts.toml}. A missing tool skips its check with the reason printed.
 */
class ClusterRuntimeConfigTest {
  private static final String CONFIG = "write_file /etc/containerd/config.toml 0644 <<'EOF'\n";

  /** Distinct here-document bodies that follow {@code opening}, by content. */
  private static List<String> heredocs(String opening) {
    Map<String, String> distinct = new LinkedHashMap<>();
    for (ClusterFixtures.Case c : ClusterFixtures.everyTargetAndOs()) {
      String common = c.cluster().render(c.target()).get("provision/common.sh");
      int at = 0;
      while ((at = common.indexOf(opening, at)) >= 0) {
        int start = at + opening.length();
        int end = common.indexOf("\nEOF\n", start);
        distinct.putIfAbsent(common.substring(start, end + 1), c.name());
        at = end;
      }
    }
    return new ArrayList<>(distinct.keySet());
  }

  @Test
  void containerdLoadsEveryVersion2Configuration(@TempDir Path dir) throws Exception {
    Tools.require("containerd", "the load of the containerd version 2 configurations");
    List<String> configs =
        heredocs(CONFIG).stream().filter(c -> c.contains("version = 2\n")).toList();
    assertThat(configs).as("version 2 configurations (containerd 1.6 and 1.7)").hasSize(2);
    for (String config : configs) {
      Path file = dir.resolve("config.toml");
      Files.writeString(file, config);
      Tools.Result r =
          Tools.run(
              dir, Map.of(), List.of("containerd", "--config", file.toString(), "config", "dump"));
      assertThat(r.exit()).as(r.output()).isZero();
      assertThat(r.output())
          .as("merged configuration")
          .doesNotContain("level=warning", "level=error")
          .contains(
              "disabled_plugins = []",
              "runtime_type = \"io.containerd.runc.v2\"",
              "SystemdCgroup = true",
              "config_path = \"/etc/containerd/certs.d\"");
    }
  }

  @Test
  void pythonReadsEveryVersion3ConfigurationAndHostsFile(@TempDir Path dir) throws Exception {
    Tools.require("python3", "the TOML check of the containerd 2.x configurations and hosts.toml");
    List<String> v3 = heredocs(CONFIG).stream().filter(c -> c.contains("version = 3\n")).toList();
    List<String> hosts = heredocs("/hosts.toml' 0644 <<'EOF'\n");
    assertThat(v3).as("version 3 configurations (containerd 2.1 and 2.2)").hasSize(2);
    assertThat(hosts).as("hosts.toml: verified CA and insecure").hasSize(2);
    String check =
        String.join(
            "\n",
            "import sys, tomllib",
            "for f in sys.argv[1:]:",
            "    d = tomllib.load(open(f, 'rb'))",
            "    if 'version' in d:",
            "        assert d['version'] == 3, d",
            "        cri = d['plugins']['io.containerd.cri.v1.runtime']['containerd']",
            "        runc = cri['runtimes']['runc']",
            "        assert runc['runtime_type'] == 'io.containerd.runc.v2', d",
            "        assert runc['options']['SystemdCgroup'] is True, d",
            "        images = d['plugins']['io.containerd.cri.v1.images']",
            "        assert images['registry']['config_path'] == '/etc/containerd/certs.d', d",
            "    else:",
            "        assert d['server'].startswith('http'), d",
            "        (host,) = d['host'].values()",
            "        assert host['capabilities'] == ['pull', 'resolve'], d",
            "        assert ('ca' in host) != ('skip_verify' in host), d",
            "print(len(sys.argv) - 1)");
    List<String> command = new ArrayList<>(List.of("python3", "-c", check));
    List<String> all = new ArrayList<>(v3);
    all.addAll(hosts);
    for (int i = 0; i < all.size(); i++) {
      Path file = dir.resolve(i + ".toml");
      Files.writeString(file, all.get(i));
      command.add(file.toString());
    }
    Tools.Result r = Tools.run(dir, Map.of(), command);
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output().strip()).isEqualTo(String.valueOf(all.size()));
  }
}
