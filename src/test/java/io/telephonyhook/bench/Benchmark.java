package io.telephonyhook.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.telephonyhook.support.TwilioStandIn;

/**
 * The hook against its floor, and against Okta's own Node sample when one is set up, measured the same way each time
 * ({@code ./mvnw -B -Pbench verify}), once with each set of JVM flags: the recommended small-instance flags and the
 * JVM's defaults with a fixed heap. Per set, the hook and the floor each get a load run in a fresh JVM (start-up,
 * {@code bench.warmupSeconds} of saturation, then {@code bench.windows} measured saturation windows with the CPU the
 * target's process used in each, as many Okta-like windows, as many again with the stand-in answering in pieces
 * (headers, then the body in chunks, as real servers and proxies may) with the hook's own Twilio request time beside
 * the call's, then the resident memory), in alternating order, the peer's load run last, and more fresh JVMs only to
 * time their start-ups, {@code bench.startups} per way of starting the hook and the floor. The hook runs the
 * documented fast way (the copied flat jar and its class-data archive, {@code target/fast-start}); plain
 * {@code java -jar} is timed beside it. Prints one table per set and writes {@code target/bench/results.json}.
 *
 * <p>System properties: {@code bench.seconds} (each measured window, 10 by default), {@code bench.windows} (3),
 * {@code bench.warmupSeconds} (240: C2 on 2 cores settles in about 4 minutes of saturation), {@code bench.startups} (3),
 * {@code bench.jvmArgs} (the recommended flags), {@code bench.defaultsJvmArgs} (the JVM's defaults, {@code -Xmx512m}),
 * {@code bench.flagSets} ({@code recommended,defaults}), {@code bench.hookOnly}, {@code bench.nodePeer} (the directory
 * of an installed Node peer; none when empty). With {@code -XX:NativeMemoryTracking=summary} among the flags, each of
 * the hook's and the floor's load runs also writes where its memory went.
 */
public final class Benchmark {

    static final int SATURATION_CONNECTIONS = 64;
    static final int OKTA_RATE = 250;
    static final Duration OKTA_LIKE_TWILIO_LATENCY = Duration.ofMillis(300);
    /** Okta-like calls sent before its first window, uncounted: the pools grow from saturation's 64 calls to ~75. */
    private static final Duration OKTA_LIKE_SETTLE = Duration.ofSeconds(5);
    /** Before each later window: the last one's calls have all been answered, so the load starts again from none. */
    private static final Duration OKTA_LIKE_RESETTLE = Duration.ofSeconds(2);

    private final Duration warmup;
    private final Duration window;
    private final int windows;
    private final int startups;
    private final boolean hookOnly;
    private final String recommendedFlags;
    private final List<String> flagSets = new ArrayList<>();
    private final Path out = Path.of("target", "bench");
    private final List<String> bodies = OktaBodies.of(1000);
    /** Checked before anything starts: a mistyped directory fails at once, not after the other runs. */
    private final Path nodePeer = Targets.nodePeer(System.getProperty("bench.nodePeer"));
    /** Counts only: a stand-in recording every request would grow, and cost more for whichever target runs later. */
    private final TwilioStandIn twilio = TwilioStandIn.startCounting();
    private final Targets targets;

    private Benchmark() {
        this.window = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        this.windows = Integer.getInteger("bench.windows", 3);
        this.warmup = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 240));
        this.startups = Integer.getInteger("bench.startups", 3);
        this.hookOnly = Boolean.getBoolean("bench.hookOnly"); // for profiling the hook alone
        this.recommendedFlags = Objects.requireNonNull(System.getProperty("bench.jvmArgs"),
                "bench.jvmArgs: the recommended flags (pom.xml)").trim();
        String defaults = System.getProperty("bench.defaultsJvmArgs", "-Xmx512m").trim();
        for (String set : System.getProperty("bench.flagSets", "recommended,defaults").split(",")) {
            flagSets.add(set.trim().equals("defaults") ? defaults : recommendedFlags);
        }
        this.targets = new Targets(out, Path.of(System.getProperty("bench.fastStart", "target/fast-start")),
                System.getProperty("bench.jar"), nodePeer, twilio);
    }

    public static void main(String[] args) throws Exception {
        // The stand-in is the JDK's HttpServer: without TCP_NODELAY its answer (headers, then body) can wait ~40 ms
        // on Nagle for the caller's delayed ACK, which some traffic patterns meet more often than others (the
        // floor's more than the hook's), so one target would pay for the stand-in. Twilio's own servers do not.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            new Benchmark().run();
        } catch (Exception | Error failed) { // else the stand-in's threads keep this JVM, and Maven, waiting
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        List<Run> runs = new ArrayList<>();
        for (int set = 0; set < flagSets.size(); set++) {
            String flags = flagSets.get(set);
            for (Way way : loadRunOrder(set)) {
                runs.add(loadRun(way, flags));
            }
            for (int start = 1; start <= startups; start++) {
                runs.add(startupRun(Way.JAR, flags));
                if (start < startups) { // the load runs timed one start-up each
                    runs.add(startupRun(Way.FAST_START, flags));
                    if (!hookOnly) {
                        runs.add(startupRun(Way.FLOOR, flags));
                    }
                }
            }
        }
        BenchReport report = new BenchReport(runs, settings(), recommendedFlags);
        System.out.println(report.tables());
        Path file = out.resolve("results.json");
        report.write(file);
        System.out.println("Wrote " + file.toAbsolutePath());
    }

    /**
     * Hook first with the first set of flags, floor first with the next, and so on, so that neither always runs on a
     * machine the other has just warmed; the peer last, so that the hook and the floor keep that order with or
     * without it.
     */
    private List<Way> loadRunOrder(int set) {
        if (hookOnly) {
            return List.of(Way.FAST_START);
        }
        List<Way> order = new ArrayList<>(set % 2 == 0 ? List.of(Way.FAST_START, Way.FLOOR)
                : List.of(Way.FLOOR, Way.FAST_START));
        if (nodePeer != null) {
            order.add(Way.PEER);
        }
        return order;
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("samples", "%d measured windows of %d s after %d s of warm-up in one process per target and flags,"
                .formatted(windows, window.toSeconds(), warmup.toSeconds())
                + " and %d start-ups per way of starting the hook and the floor".formatted(startups)
                + (nodePeer != null && !hookOnly ? " (the peer's: one per load run)" : ""));
        settings.put("warmupSeconds", warmup.toSeconds());
        settings.put("windowSeconds", window.toSeconds());
        settings.put("windows", windows);
        settings.put("oktaLikeSettleSeconds", OKTA_LIKE_SETTLE.toSeconds());
        settings.put("startups", startups);
        settings.put("flagSets", flagSets);
        settings.put("nodePeer", nodePeer != null && !hookOnly ? nodePeer.toAbsolutePath().toString() : null);
        return settings;
    }

    /** Start-up, warm-up, the measured windows and the resident memory of one fresh JVM. */
    private Run loadRun(Way way, String flags) throws Exception {
        System.out.printf("%n== %s, load run, %s%s ==%n", way.target, way == Way.PEER ? "Node, beside " : "", flags);
        Run.Builder figures = new Run.Builder();
        twilio.answerAfter(Duration.ZERO);
        TwilioStandIn.Counts before = twilio.counts();
        try (Target target = start(way, flags, way.target + "-" + flagSets.indexOf(flags))) {
            figures.startup(way.startupFigure, target.secondsToFirstSuccessful(bodies.get(0)));
            LoadGenerator load = new LoadGenerator(target.port, target.authorization, bodies);

            load.closed(SATURATION_CONNECTIONS, warmup); // JIT, pools, connections
            for (int i = 0; i < windows; i++) {
                double cpuBefore = target.cpuSeconds();
                LoadGenerator.Result saturation = load.closed(SATURATION_CONNECTIONS, window);
                double cpu = target.cpuSeconds() - cpuBefore;
                figures.saturation(saturation, cpu);
                System.out.printf("saturation: %s, CPU %.2f ms per answered call, %.2f cores%n", saturation,
                        saturation.answers() > 0 ? cpu * 1000 / saturation.answers() : Double.NaN,
                        cpu / saturation.seconds());
            }
            twilio.answerAfter(OKTA_LIKE_TWILIO_LATENCY);
            for (int i = 0; i < windows; i++) {
                LoadGenerator.Result oktaLike = load.open(OKTA_RATE, i == 0 ? OKTA_LIKE_SETTLE : OKTA_LIKE_RESETTLE,
                        window, OKTA_LIKE_TWILIO_LATENCY);
                figures.oktaLike(oktaLike);
                System.out.printf("okta-like: %s, overhead p99 %.1f ms%n", oktaLike,
                        oktaLike.latencyMicros().getValueAtPercentile(99) / 1000.0);
            }
            // the same, with the stand-in answering as real servers and proxies may: headers, then the body in pieces
            twilio.answerInPieces(true);
            for (int i = 0; i < windows; i++) {
                double[] timeBefore = target.twilioRequestTime();
                LoadGenerator.Result pieces =
                        load.open(OKTA_RATE, OKTA_LIKE_RESETTLE, window, OKTA_LIKE_TWILIO_LATENCY);
                double[] timeAfter = target.twilioRequestTime();
                double twilioMeanMs = timeAfter[1] > timeBefore[1]
                        ? 1000 * (timeAfter[0] - timeBefore[0]) / (timeAfter[1] - timeBefore[1]) : 0;
                figures.oktaLikePieces(pieces, twilioMeanMs);
                System.out.printf("okta-like, answers in pieces: %s, overhead p99 %.1f ms,"
                        + " Twilio request mean %.1f ms%n", pieces,
                        pieces.latencyMicros().getValueAtPercentile(99) / 1000.0, twilioMeanMs);
            }
            twilio.answerInPieces(false);
            figures.rss(target.rssBytes()).standIn(twilio.counts().since(before));
            if (flags.contains("NativeMemoryTracking") && way != Way.PEER) {
                target.nativeMemorySummary(out.resolve(way.target + "-" + flagSets.indexOf(flags) + "-memory.txt"));
            }
        }
        return figures.build(way.target, flags);
    }

    /** A fresh JVM timed to its first SUCCESSFUL answer, then stopped. */
    private Run startupRun(Way way, String flags) throws Exception {
        twilio.answerAfter(Duration.ZERO);
        Run.Builder figures = new Run.Builder();
        try (Target target = start(way, flags, way.name().toLowerCase() + "-startup")) {
            double seconds = target.secondsToFirstSuccessful(bodies.get(0));
            System.out.printf("start-up, %s, %s: %.2f s%n", way.name().toLowerCase(), flags, seconds);
            figures.startup(way.startupFigure, seconds);
        }
        return figures.build(way.target, flags);
    }

    private Target start(Way way, String flags, String logName) throws Exception {
        return targets.start(way, flags, out.resolve(logName + ".log"));
    }
}
