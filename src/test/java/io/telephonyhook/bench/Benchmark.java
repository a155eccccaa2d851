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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.telephonyhook.support.TwilioStandIn;

/**
 * The hook against its floor, measured the same way each time ({@code ./mvnw -B -Pbench verify}): start-up,
 * saturation throughput, Okta-like latency overhead under an open model, and memory, each target in a fresh JVM per
 * run. The order alternates (hook, floor, then floor, hook, ...) so neither always runs first, and each run warms its
 * JVM up before anything is measured. Prints one table and writes {@code target/bench/results.json}.
 *
 * <p>System properties: {@code bench.seconds} (the Okta-like window, 30 by default; the saturation window is a third
 * of it, at least 10 s), {@code bench.warmupSeconds} (saturation load before the first measured window, 60 by
 * default: steady state needs a minute), {@code bench.repeats} (runs per target, 2), {@code bench.jvmArgs},
 * {@code bench.hookOnly}.
 */
public final class Benchmark {

    static final String SECRET = "Basic YmVuY2g6YmVuY2gtc2VjcmV0";
    static final int SATURATION_CONNECTIONS = 64;
    static final int OKTA_RATE = 250;
    static final Duration OKTA_LIKE_TWILIO_LATENCY = Duration.ofMillis(300);
    /** Okta-like calls sent before its window, uncounted: the pools grow from saturation's 64 calls to ~75 in flight. */
    private static final Duration OKTA_LIKE_SETTLE = Duration.ofSeconds(5);

    private final Duration warmup;
    private final Duration saturationWindow;
    private final Duration oktaLikeWindow;
    private final int repeats;
    private final boolean hookOnly;
    private final Path out = Path.of("target", "bench");
    private final List<String> bodies = bodies(1000);
    /** Counts only: a stand-in recording every request would grow, and cost more for whichever target runs later. */
    private final TwilioStandIn twilio = TwilioStandIn.startCounting();
    private final List<String> jvm;

    private Benchmark() {
        int seconds = Integer.getInteger("bench.seconds", 30);
        this.oktaLikeWindow = Duration.ofSeconds(seconds);
        this.saturationWindow = Duration.ofSeconds(Math.max(10, seconds / 3));
        this.warmup = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 60));
        this.repeats = Integer.getInteger("bench.repeats", 2);
        this.hookOnly = Boolean.getBoolean("bench.hookOnly"); // for profiling the hook alone
        this.jvm = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        this.jvm.addAll(List.of(System.getProperty("bench.jvmArgs", "-Xmx128m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1").split(" ")));
    }

    public static void main(String[] args) throws Exception {
        // The stand-in is the JDK's HttpServer: without TCP_NODELAY its answer (headers, then body) can wait ~40 ms
        // on Nagle for the caller's delayed ACK, which some traffic patterns meet more often than others (the
        // floor's more than the hook's), so one target would pay for the stand-in. Twilio's own servers do not.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Benchmark bench = new Benchmark();
        Files.createDirectories(bench.out);
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= bench.repeats; round++) {
            for (String target : bench.order(round)) {
                runs.add(bench.measure(target, round));
            }
        }
        BenchReport report = new BenchReport(runs, bench.settings());
        System.out.println(report.table());
        Path file = bench.out.resolve("results.json");
        report.write(file, bench.jvm.subList(1, bench.jvm.size()));
        System.out.println("Wrote " + file.toAbsolutePath());
        System.exit(0);
    }

    /** Hook first in odd rounds, floor first in even ones. */
    private List<String> order(int round) {
        if (hookOnly) {
            return List.of(BenchReport.HOOK);
        }
        return round % 2 == 1 ? List.of(BenchReport.HOOK, BenchReport.FLOOR)
                : List.of(BenchReport.FLOOR, BenchReport.HOOK);
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        List<String> order = IntStream.rangeClosed(1, repeats).boxed().flatMap(round -> order(round).stream()).toList();
        settings.put("order", repeats + " run" + (repeats == 1 ? "" : "s") + " per target ("
                + String.join(", ", order) + ")");
        settings.put("warmupSeconds", warmup.toSeconds());
        settings.put("saturationSeconds", saturationWindow.toSeconds());
        settings.put("oktaLikeSettleSeconds", OKTA_LIKE_SETTLE.toSeconds());
        settings.put("oktaLikeSeconds", oktaLikeWindow.toSeconds());
        return settings;
    }

    private Run measure(String name, int round) throws Exception {
        int port = Target.freePort();
        List<String> command = new ArrayList<>(jvm);
        command.addAll(name.equals(BenchReport.HOOK) ? List.of("-jar", System.getProperty("bench.jar"))
                : List.of("-cp", System.getProperty("java.class.path"), FloorServer.class.getName()));
        System.out.printf("%n== %s, run %d of %d ==%n", name, round, repeats);
        Run.Builder figures = new Run.Builder();
        twilio.answerAfter(Duration.ZERO);
        TwilioStandIn.Counts before = twilio.counts();
        Path log = out.resolve(name + "-" + round + ".log");
        try (Target target = Target.start(name, command, environment(port), port, log)) {
            figures.startup(firstSuccessfulAnswer(target));
            LoadGenerator load = new LoadGenerator(port, SECRET, bodies);

            load.closed(SATURATION_CONNECTIONS, warmup); // JIT, pools, connections
            LoadGenerator.Result saturation = load.closed(SATURATION_CONNECTIONS, saturationWindow);
            figures.saturation(saturation);
            System.out.printf("saturation: %s%n", saturation);

            twilio.answerAfter(OKTA_LIKE_TWILIO_LATENCY);
            LoadGenerator.Result oktaLike =
                    load.open(OKTA_RATE, OKTA_LIKE_SETTLE, oktaLikeWindow, OKTA_LIKE_TWILIO_LATENCY);
            figures.oktaLike(oktaLike).rss(target.rssBytes()).standIn(twilio.counts().since(before));
            System.out.printf("okta-like: %s%n", oktaLike);
        }
        return figures.build(name, round);
    }

    /** The same settings for the hook and the floor: both read the hook's environment variables. */
    private Map<String, String> environment(int port) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(port));
        env.put("MANAGEMENT_PORT", String.valueOf(Target.freePort()));
        env.put("TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", TwilioStandIn.AUTH_TOKEN);
        env.put("TWILIO_API_URL", twilio.url().toString());
        env.put("TWILIO_FROM_NUMBER", "+15017122661");
        env.put("OKTA_HOOK_AUTH_SECRET", SECRET);
        return env;
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
                    return (System.nanoTime() - target.startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(target.name + " did not answer SUCCESSFUL within 60 s");
    }

    /** Realistic Okta bodies, SMS and voice mixed, valid numbers, codes expiring in an hour. */
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
}
