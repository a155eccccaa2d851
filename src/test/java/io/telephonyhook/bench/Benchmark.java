package io.telephonyhook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.telephonyhook.support.TwilioStandIn;

/**
 * The hook against its floor, measured the same way each time ({@code ./mvnw -B -Pbench verify}):
 * start-up, saturation throughput, Okta-like latency overhead under an open model, and memory. Prints one table and
 * writes {@code target/bench/results.json}. Durations can be shortened with {@code -Dbench.seconds=N}.
 */
public final class Benchmark {

    static final String SECRET = "Basic YmVuY2g6YmVuY2gtc2VjcmV0";
    private static final int SATURATION_CONNECTIONS = 64;
    private static final int OKTA_RATE = 250;
    private static final Duration OKTA_LIKE_TWILIO_LATENCY = Duration.ofMillis(300);

    private final Duration oktaLikeDuration;
    private final Duration saturationDuration;
    private final Path out = Path.of("target", "bench");
    private final List<String> bodies = bodies(1000);
    private final TwilioStandIn twilio = TwilioStandIn.start();
    private final List<String> jvm;

    private Benchmark(int seconds) {
        this.oktaLikeDuration = Duration.ofSeconds(seconds);
        this.saturationDuration = Duration.ofSeconds(Math.max(10, seconds / 3));
        this.jvm = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        this.jvm.addAll(List.of(System.getProperty("bench.jvmArgs", "-Xmx128m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1").split(" ")));
    }

    public static void main(String[] args) throws Exception {
        Benchmark bench = new Benchmark(Integer.getInteger("bench.seconds", 60));
        Files.createDirectories(bench.out);
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        results.put("hook", bench.measure("hook"));
        if (!Boolean.getBoolean("bench.hookOnly")) { // -Dbench.hookOnly=true: for profiling the hook alone
            results.put("floor", bench.measure("floor"));
            bench.report(results);
        }
        System.exit(0);
    }

    private Map<String, Object> measure(String name) throws Exception {
        int port = Target.freePort();
        Path log = out.resolve(name + ".log");
        List<String> command = new ArrayList<>(jvm);
        Map<String, String> env = new LinkedHashMap<>();
        if (name.equals("hook")) {
            command.addAll(List.of("-jar", System.getProperty("bench.jar")));
            env.put("PORT", String.valueOf(port));
            env.put("MANAGEMENT_PORT", String.valueOf(Target.freePort()));
            env.put("TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID);
            env.put("TWILIO_AUTH_TOKEN", TwilioStandIn.AUTH_TOKEN);
            env.put("TWILIO_API_URL", twilio.url().toString());
            env.put("TWILIO_FROM_NUMBER", "+15017122661");
            env.put("OKTA_HOOK_AUTH_SECRET", SECRET);
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), FloorServer.class.getName(),
                    String.valueOf(port), twilio.url().toString(), SECRET));
        }
        System.out.printf("%n== %s ==%n", name);
        Map<String, Object> figures = new LinkedHashMap<>();
        twilio.reset();
        try (Target target = Target.start(name, command, env, port, log)) {
            figures.put("startupSeconds", firstSuccessfulAnswer(target));
            LoadGenerator load = new LoadGenerator(port, SECRET, bodies);

            load.closed(SATURATION_CONNECTIONS, Duration.ofSeconds(10)); // warm-up: JIT, pools, connections
            LoadGenerator.Result saturation = load.closed(SATURATION_CONNECTIONS, saturationDuration);
            figures.put("saturationAnswersPerSecond", round(saturation.answersPerSecond()));
            figures.put("saturationErrors", saturation.errors());
            System.out.printf("saturation: %.0f answers/s, %d errors%n", saturation.answersPerSecond(), saturation.errors());

            twilio.answerAfter(OKTA_LIKE_TWILIO_LATENCY);
            LoadGenerator.Result oktaLike = load.open(OKTA_RATE, oktaLikeDuration, OKTA_LIKE_TWILIO_LATENCY);
            figures.put("oktaLikeCalls", oktaLike.answers() + oktaLike.errors());
            figures.put("oktaLikeErrors", oktaLike.errors());
            figures.put("oktaLikeFailed", oktaLike.failed());
            figures.put("oktaLikeOverheadP50Ms", millis(oktaLike.latencyMicros().getValueAtPercentile(50)));
            figures.put("oktaLikeOverheadP99Ms", millis(oktaLike.latencyMicros().getValueAtPercentile(99)));
            figures.put("oktaLikeOverheadP999Ms", millis(oktaLike.latencyMicros().getValueAtPercentile(99.9)));
            figures.put("oktaLikeOverheadMaxMs", millis(oktaLike.latencyMicros().getMaxValue()));
            figures.put("rssMegabytes", target.rssBytes() / (1024 * 1024));
            System.out.printf("okta-like: %s%n", figures);
        }
        return figures;
    }

    /** From process start until the first SUCCESSFUL answer, polling every 20 ms. */
    private double firstSuccessfulAnswer(Target target) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port + "/telephonyHook"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .header("Authorization", SECRET).POST(HttpRequest.BodyPublishers.ofString(bodies.get(0))).build();
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp) && target.isAlive()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("\"status\":\"SUCCESSFUL\"")) {
                    return round((System.nanoTime() - target.startedNanos) / 1e9);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(target.name + " did not answer SUCCESSFUL within 60 s");
    }

    private void report(Map<String, Map<String, Object>> results) throws IOException {
        Map<String, Object> hook = results.get("hook");
        Map<String, Object> floor = results.get("floor");
        double ratio = (double) hook.get("saturationAnswersPerSecond") / (double) floor.get("saturationAnswersPerSecond");
        List<Object[]> rows = List.of(
                row("saturation, stand-in 0 ms, 64 connections (answers/s)", hook.get("saturationAnswersPerSecond"),
                        floor.get("saturationAnswersPerSecond"), "≥ 70 % of floor",
                        String.format("%.0f %%", ratio * 100), ratio >= 0.70),
                row("Okta-like 250/s open, stand-in 300 ms: overhead p50 (ms)", hook.get("oktaLikeOverheadP50Ms"),
                        floor.get("oktaLikeOverheadP50Ms"), "", "", true),
                row("Okta-like: overhead p99 (ms)", hook.get("oktaLikeOverheadP99Ms"), floor.get("oktaLikeOverheadP99Ms"),
                        "≤ 10 ms", "", (double) hook.get("oktaLikeOverheadP99Ms") <= 10),
                row("Okta-like: overhead p99.9 (ms)", hook.get("oktaLikeOverheadP999Ms"),
                        floor.get("oktaLikeOverheadP999Ms"), "", "", true),
                row("Okta-like: errors / FAILED answers", hook.get("oktaLikeErrors") + " / " + hook.get("oktaLikeFailed"),
                        floor.get("oktaLikeErrors") + " / " + floor.get("oktaLikeFailed"), "0 / 0", "",
                        (long) hook.get("oktaLikeErrors") == 0 && (long) hook.get("oktaLikeFailed") == 0),
                row("start-up to first SUCCESSFUL (s)", hook.get("startupSeconds"), floor.get("startupSeconds"), "≤ 5 s",
                        "", (double) hook.get("startupSeconds") <= 5),
                row("resident memory after Okta-like run (MB)", hook.get("rssMegabytes"), floor.get("rssMegabytes"),
                        "≤ 350 MB", "", (long) hook.get("rssMegabytes") <= 350));
        StringBuilder table = new StringBuilder(String.format("%n| %-58s | %10s | %10s | %-16s | %-6s | %-4s |%n",
                "scenario", "hook", "floor", "bar", "ratio", "met"));
        table.append("|").append("-".repeat(60)).append("|").append("-".repeat(12)).append("|")
                .append("-".repeat(12)).append("|").append("-".repeat(18)).append("|").append("-".repeat(8))
                .append("|").append("-".repeat(6)).append("|\n");
        for (Object[] r : rows) {
            table.append(String.format("| %-58s | %10s | %10s | %-16s | %-6s | %-4s |%n", r));
        }
        System.out.println(table);
        ObjectNode json = new ObjectMapper().valueToTree(Map.of(
                "date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                        "jdk", System.getProperty("java.version"), "jvmArgs", String.join(" ", jvm.subList(1, jvm.size()))),
                "results", results,
                "saturationRatio", round(ratio)));
        Path file = out.resolve("results.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        System.out.println("Wrote " + file.toAbsolutePath());
    }

    private static Object[] row(String scenario, Object hook, Object floor, String bar, String ratio, boolean met) {
        return new Object[] {scenario, hook, floor, bar, ratio, bar.isEmpty() ? "" : (met ? "yes" : "NO")};
    }

    /** Realistic Okta bodies, SMS and voice mixed, valid numbers, codes expiring in five minutes. */
    private static List<String> bodies(int count) {
        try (InputStream template = Benchmark.class.getResourceAsStream("/okta-requests/voice-mfa-verification.json")) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode base = (ObjectNode) json.readTree(template);
            return IntStream.range(0, count).mapToObj(i -> {
                ObjectNode body = base.deepCopy();
                ObjectNode profile = (ObjectNode) body.at("/data/messageProfile");
                String otp = String.format("%06d", (i * 7919) % 1_000_000);
                profile.put("deliveryChannel", i % 4 == 0 ? "voice call" : "SMS");
                profile.put("phoneNumber", String.format("+1415555%04d", 1000 + i % 9000));
                profile.put("otpCode", otp);
                profile.put("msgTemplate", "Your verification code is " + otp);
                profile.put("otpExpires", Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString());
                body.put("eventId", "e" + i);
                return body.toString();
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double millis(long micros) {
        return round(micros / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
