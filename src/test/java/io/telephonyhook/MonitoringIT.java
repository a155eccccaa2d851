package io.telephonyhook;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yaml.snakeyaml.Yaml;
import redis.embedded.RedisServer;

import io.telephonyhook.support.HeadlessChromium;
import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioCallback;
import io.telephonyhook.support.TwilioStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and the alert rules of {@code docs/monitoring} against a real Prometheus (Debian's package, on
 * loopback, scraping the packaged jar every second): after real traffic and real faults (codes to a country that are
 * not delivered, a pumping burst, Twilio refusing, slow and down, calls past the admission limit, Redis stopped, and
 * at last the hook itself stopped), every panel's query and every alert's expression returns data. And
 * {@code promtool} checks the rules and runs their unit tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringIT {

    private static final Path JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    private static final Path MONITORING = Path.of("docs/monitoring").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private final TwilioStandIn failover = TwilioStandIn.startFailover();
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterAll
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        twilio.close();
        failover.close();
    }

    @Test
    void theRulesPassPromtoolAndTheirUnitTests() throws Exception {
        HeadlessChromium.assumePackages("/usr/bin/promtool");
        assertThat(run("promtool", "check", "rules", "telephony-hook-alerts.yml")).contains("SUCCESS: 7 rules found");
        assertThat(run("promtool", "test", "rules", "telephony-hook-alerts-test.yml")).contains("SUCCESS");
    }

    @Test
    void everyPanelAndEveryAlertReturnsDataAgainstARealPrometheus() throws Exception {
        HeadlessChromium.assumePackages("/usr/bin/prometheus");
        int redisPort = JarProcess.freePort();
        RedisServer redis = new RedisServer(redisPort);
        redis.start();
        running.add(() -> {
            if (redis.isActive()) {
                redis.stop();
            }
        });
        int port = JarProcess.freePort();
        int management = JarProcess.freePort();
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.putAll(Map.of("PORT", String.valueOf(port), "MANAGEMENT_PORT", String.valueOf(management),
                "HOOK_PUBLIC_URL", "http://127.0.0.1:" + port, "HOOK_DEDUP_REDIS_URL", "redis://127.0.0.1:" + redisPort,
                "HOOK_ALLOWED_COUNTRIES", "US,GB", "HOOK_MAX_CONCURRENT_CALLS", "3", "HOOK_BREAKER_OPEN_SECONDS", "600",
                "TWILIO_FAILOVER_ACCOUNT_SID", TwilioStandIn.FAILOVER_ACCOUNT_SID,
                "TWILIO_FAILOVER_AUTH_TOKEN", TwilioStandIn.FAILOVER_AUTH_TOKEN,
                "TWILIO_FAILOVER_API_URL", failover.url().toString()));
        environment.put("TWILIO_FAILOVER_FROM_NUMBER", "+15017122662");
        JarProcess hook = JarProcess.start(JAR, Files.createTempDirectory("monitoring"), environment,
                "Started TelephonyHookApplication");
        running.add(hook::close);
        URI prometheus = startPrometheus(management);

        OktaClient okta = new OktaClient(port);
        URI callback = URI.create("http://127.0.0.1:" + port + "/twilio/status");
        // Each kind of event happens once, then (after Prometheus has seen its new series) the rest, spread over
        // several scrapes: a counter's first sample is never an increase.
        for (int i = 0; i < 24; i++) { // codes to the UK that mostly do not arrive, to the US that do
            boolean delivered = i % 6 == 0;
            String sid = okta.post(OktaRequest.sms().phone("+44740012" + (3500 + i)).eventId("uk-" + i)).action()
                    .path("transactionId").asText();
            TwilioCallback.postSigned(callback, TwilioCallback.smsStatus(sid, delivered ? "delivered" : "undelivered",
                    delivered ? null : 30007));
            String us = okta.post(OktaRequest.voice().phone("+1415555" + (2000 + i)).eventId("us-" + i)).action()
                    .path("transactionId").asText();
            TwilioCallback.postSigned(callback, TwilioCallback.callStatus(us, "completed"));
            pause(i == 1 ? 2500 : 50);
        }
        for (int i = 0; i < 25; i++) { // a pumping burst: codes to a country not allowed
            okta.post(OktaRequest.sms().phone("+33612345" + (100 + i)).eventId("fr-" + i));
            pause(i == 1 ? 2500 : 100);
        }
        okta.post(OktaRequest.sms().eventId("refused").json(), "Authorization", "not-the-secret");
        twilio.failWith(400, 21211); // Twilio refuses a number
        okta.post(OktaRequest.sms().eventId("refused-number"));
        twilio.reset();
        pause(2500);
        twilio.answerAfter(Duration.ofSeconds(3)); // Twilio slow: answered by the deadline, and past the admission limit
        parallel(okta, 8, "slow");
        parallel(okta, 8, "slower");
        twilio.reset();
        twilio.failWith(503, 20503); // Twilio down: the failover account takes the codes, the breakers open
        for (int i = 0; i < 25; i++) {
            okta.post(OktaRequest.sms().eventId("down-" + i));
            okta.post(OktaRequest.voice().eventId("down-voice-" + i));
        }
        failover.failWith(503, 20503); // and the failover account too: FAILED
        for (int i = 0; i < 40; i++) {
            okta.post(OktaRequest.sms().eventId("both-down-" + i));
            pause(i == 1 ? 2500 : 75);
        }
        redis.stop(); // Redis unreachable: the calls go on without it
        okta.post(OktaRequest.sms().eventId("without-redis"));
        Map<String, String> alerts = alertExpressions();
        assertThat(eventually(prometheus, alerts.get("TelephonyHookRedisUnreachable")))
                .as(() -> new io.telephonyhook.support.Prometheus(URI.create("http://127.0.0.1:" + management)).scrape()
                        .lines().filter(line -> line.contains("redis")).toList().toString())
                .isNotEmpty();

        Map<String, String> panels = panelQueries();
        assertThat(panels).hasSizeGreaterThanOrEqualTo(20);
        for (Map.Entry<String, String> panel : panels.entrySet()) {
            assertThat(query(prometheus, panel.getValue())).as(panel.getKey() + ": " + panel.getValue()).isNotEmpty();
        }
        screenshot(prometheus, panels);
        for (String alert : List.of("TelephonyHookFailedRateHigh", "TelephonyHookBreakerOpen",
                "TelephonyHookLatencyNearDeadline", "TelephonyHookSmsDeliveryRateLow", "TelephonyHookPumpingBurst")) {
            assertThat(query(prometheus, alerts.get(alert))).as(alert).isNotEmpty();
        }
        hook.close(); // the hook down
        assertThat(eventually(prometheus, alerts.get("TelephonyHookDown"))).isNotEmpty();
        assertThat(alerts).hasSize(7);
    }

    /** Every target's query of every panel, the dashboard's variables as Grafana would fill them. */
    private static Map<String, String> panelQueries() throws IOException {
        JsonNode dashboard = JSON.readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(panel.path("title").asText() + " " + target.path("refId").asText(), target.path("expr")
                        .asText().replace("$job", ".+").replace("$__rate_interval", "1m"));
            }
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> alertExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(MONITORING.resolve("telephony-hook-alerts.yml")));
        Map<String, String> alerts = new java.util.LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        return alerts;
    }

    private URI startPrometheus(int management) throws Exception {
        Path home = Files.createTempDirectory("prometheus");
        int port = JarProcess.freePort();
        Files.writeString(home.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: telephony-hook
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(MONITORING.resolve("telephony-hook-alerts.yml"), management));
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + home.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(home.resolve("prometheus.log").toFile()).start();
        running.add(prometheus::destroy);
        URI url = URI.create("http://127.0.0.1:" + port);
        assertThat(eventually(url, "up{job=\"telephony-hook\"} == 1"))
                .as(() -> "Prometheus scrapes the hook: " + log(home.resolve("prometheus.log"))).isNotEmpty();
        return url;
    }

    private static JsonNode query(URI prometheus, String promql) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(prometheus.resolve("/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asText()).as(promql + " " + answer.body()).isEqualTo("success");
        return body.path("data").path("result");
    }

    /** The query's result once it has one, or empty after 30 s; a Prometheus still starting is waited for. */
    private static JsonNode eventually(URI prometheus, String promql) throws Exception {
        JsonNode result = JSON.createArrayNode();
        for (int i = 0; i < 60 && result.isEmpty(); i++) {
            if (i > 0) {
                Thread.sleep(500);
            }
            try {
                result = query(prometheus, promql);
            } catch (java.net.ConnectException starting) {
                result = JSON.createArrayNode();
            }
        }
        return result;
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static void parallel(OktaClient okta, int calls, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String eventId = prefix + "-" + i;
                sent.add(pool.submit(() -> okta.post(OktaRequest.sms().eventId(eventId))));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The dashboard's main queries in Prometheus's own graph page (Grafana is not packaged for this machine). */
    private static void screenshot(URI prometheus, Map<String, String> panels) throws Exception {
        if (!HeadlessChromium.installed()) {
            return;
        }
        StringBuilder graph = new StringBuilder("/graph?");
        List<String> shown = panels.keySet().stream().filter(title -> title.startsWith("Calls per second")
                || title.equals("Answer time against Okta's 3 s C") || title.startsWith("SMS delivery rate")).toList();
        for (int i = 0; i < shown.size(); i++) {
            graph.append(i == 0 ? "" : "&").append("g").append(i).append(".expr=")
                    .append(URLEncoder.encode(panels.get(shown.get(i)), StandardCharsets.UTF_8))
                    .append("&g").append(i).append(".tab=0&g").append(i).append(".range_input=1m");
        }
        ChromeDriver browser = HeadlessChromium.start(1280, 1500);
        try {
            browser.get(prometheus.resolve(graph.toString()).toString());
            Thread.sleep(3000);
            browser.executeScript("window.scrollTo(0, 0);");
            HeadlessChromium.screenshot(browser, Path.of("target/screenshots/dashboard-queries.png"));
        } finally {
            browser.quit();
        }
    }

    private static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            return unreadable.toString();
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(MONITORING.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
