package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Jinja in the generated Salt files, rendered by Jinja itself (the engine Salt renders SLS
 * files with, configured as Salt configures it: sandboxed, strict about undefined names) with the
 * grains, event data and Salt functions a minion or the master would give it, then read as YAML.
 * Python 3 with Jinja2 and PyYAML is part of the build machine's image.
 */
class SaltTemplatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SaltLab lab() {
    return TestLabs.spec()
        .build(
            TestLabs.zookeeper(),
            TestLabs.web(),
            AppRole.builder().name("salt-minion").identity(MinionIdentity.FIXED).build());
  }

  /** Renders a template; {@code salt} maps each Salt function to what it returns. */
  private static JsonNode render(String template, Map<String, ?> context) throws Exception {
    ObjectNode request = JSON.valueToTree(context);
    request.put("template", template);
    return PythonScripts.run("render_salt_jinja.py", request);
  }

  private static String file(String path) {
    return lab().saltFiles().get(path);
  }

  @Test
  void theStatesTopAppliesOnlyTheRolesWhoseStatesExist() throws Exception {
    Map<String, Object> salt = Map.of("cp.list_states", List.of("saltlab", "zookeeper", "top"));
    JsonNode withState =
        render(
            file(SaltConfig.STATE_TOP),
            Map.of("grains", Map.of("roles", List.of("zookeeper")), "salt", salt));
    assertThat(withState.at("/yaml/base/*").toString()).isEqualTo("[\"saltlab\",\"zookeeper\"]");
    assertThat(withState.at("/calls").toString()).isEqualTo("[[\"cp.list_states\",\"base\"]]");

    JsonNode without =
        render(
            file(SaltConfig.STATE_TOP),
            Map.of("grains", Map.of("roles", List.of("web")), "salt", salt));
    assertThat(without.at("/yaml/base/*").toString()).isEqualTo("[\"saltlab\"]");
  }

  @Test
  void theBaseStateReportsARoleWithoutStatesInTheResultAndTheLog() throws Exception {
    Map<String, Object> salt =
        Map.of("cp.list_states", List.of("saltlab", "zookeeper"), "log.warning", true);
    JsonNode without =
        render(
            file(SaltConfig.BASE_STATE),
            Map.of("grains", Map.of("roles", List.of("web")), "salt", salt));
    JsonNode notice =
        without.at("/yaml/saltlab-role-web-has-no-states/test.show_notification/0/text");
    assertThat(notice.asText())
        .isEqualTo(
            "role web has no state file on the master: add states/web.sls or"
                + " states/web/init.sls; only the saltlab base state was applied");
    assertThat(without.at("/yaml/saltlab-base/test.succeed_without_changes/0/name").asText())
        .isEqualTo("saltlab lab lab: top file applied");
    assertThat(without.at("/calls/1/0").asText()).isEqualTo("log.warning");
    assertThat(without.at("/calls/1/1").asText()).startsWith("saltlab: role web has no state file");

    JsonNode with =
        render(
            file(SaltConfig.BASE_STATE),
            Map.of("grains", Map.of("roles", List.of("zookeeper")), "salt", salt));
    assertThat(with.at("/yaml").size()).isEqualTo(1);
    assertThat(with.at("/calls").size()).isEqualTo(1);
  }

  private static JsonNode reactor(String act, String id, List<String> present) throws Exception {
    return render(
        file(SaltConfig.STALE_KEY_REACTOR),
        Map.of(
            "data",
            Map.of("act", act, "id", id, "result", false),
            "salt",
            Map.of("saltutil.runner", present)));
  }

  @Test
  void theReactorForgetsTheStaleKeyOfADeniedLabMinionNobodyHolds() throws Exception {
    for (String id : List.of("zookeeper-0", "zookeeper-12", "web", "salt-minion")) {
      JsonNode r = reactor("denied", id, List.of("zookeeper-1"));
      assertThat(r.at("/yaml/saltlab-forget-stale-key/wheel.key.delete/0/args/0/match").asText())
          .as(id)
          .isEqualTo(id);
      assertThat(r.at("/calls").toString()).isEqualTo("[[\"saltutil.runner\",\"manage.present\"]]");
    }
  }

  @Test
  void theReactorLeavesConnectedForeignAndAcceptedMinionsAlone() throws Exception {
    // Connected: the key belongs to a running minion, which an impostor must not unseat.
    assertThat(reactor("denied", "zookeeper-1", List.of("zookeeper-1")).get("yaml").isNull())
        .isTrue();
    // Not the lab's ids: never asked about, never touched.
    for (String id : List.of("intruder", "zookeeper-x", "web-0", "zookeeper", "salt-0", "")) {
      JsonNode r = reactor("denied", id, List.of());
      assertThat(r.get("yaml").isNull()).as(id).isTrue();
      assertThat(r.get("calls").size()).as(id).isZero();
    }
    // Other authentication events.
    for (String act : List.of("accept", "pend", "reject")) {
      assertThat(reactor(act, "zookeeper-0", List.of()).get("yaml").isNull()).as(act).isTrue();
    }
  }

  @Test
  void theMasterListensWithTheReactorWhereItIsMounted() throws IOException {
    String conf = file(SaltConfig.MASTER_CONF);
    assertThat(conf)
        .contains("reactor:\n- salt/auth:\n  - /salt/saltlab/reactor/stale-minion-key.sls\n")
        .contains("auth_events: true\n")
        .contains("minion_data_cache: true\n");
  }
}
