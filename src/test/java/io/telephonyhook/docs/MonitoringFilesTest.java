package io.telephonyhook.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an engineer importing {@code docs/monitoring} relies on, beside what MonitoringIT proves against Prometheus:
 * the dashboard asks for its data source, every panel says what it shows, and every alert has a summary, what to do,
 * and a runbook step that exists in docs/operations.md.
 */
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("docs/monitoring");

    @Test
    void theDashboardImportsWithAPrometheusDataSourceAndDescribesEachPanel() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        assertThat(dashboard.at("/__inputs/0/pluginId").asText()).isEqualTo("prometheus");
        assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
        assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(14).allSatisfy(panel -> {
            assertThat(panel.path("description").asText()).as(panel.path("title").asText()).isNotBlank();
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).isNotEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertSaysWhatToDoAndPointsAtAStepThatExists() throws Exception {
        Set<String> steps = DocumentationLinksTest.anchors(Path.of("docs/operations.md"));
        Map<String, Object> file = new Yaml().load(Files.readString(MONITORING.resolve("telephony-hook-alerts.yml")));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) ((List<Map<String, Object>>) file.get("groups"))
                .get(0).get("rules");
        assertThat(rules).hasSize(7).allSatisfy(rule -> {
            Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
            assertThat(annotations.get("summary")).as(rule.get("alert").toString()).isNotBlank();
            assertThat(annotations.get("description")).isNotBlank();
            String runbook = annotations.get("runbook_url");
            assertThat(runbook).startsWith("docs/operations.md#");
            assertThat(steps).contains(runbook.substring(runbook.indexOf('#') + 1));
        });
    }
}
