package io.telephonyhook.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One table per set of JVM flags, and {@code results.json}: a measured figure as median [min–max] over its samples
 * (the measured windows of a load run, or the start-ups of a target), a count (answers, FAILED, errors) as the total
 * over the runs, so a single FAILED anywhere shows. Bars are judged on the hook's median or total, against the floor's
 * median under the same flags where the bar is relative; the memory bar holds for the recommended flags only.
 */
final class BenchReport {

    static final String HOOK = "hook";
    static final String FLOOR = "floor";
    /** Okta's Node sample; its column comes with the next change. */
    static final String PEER = "peer";

    /** Says whether a row's bar is met, from the hook's value, the floor's (NaN when it did not run) and the flags. */
    private interface Judge {
        String met(double hook, double floor, boolean recommendedFlags);
    }

    private record Row(String label, String figure, String bar, Judge judge) {
    }

    private static final Judge NONE = (hook, floor, recommended) -> "";
    private static final Judge HOOK_ZERO = (hook, floor, recommended) -> yes(hook == 0);
    private static final Judge BOTH_ZERO =
            (hook, floor, recommended) -> yes(hook == 0 && (Double.isNaN(floor) || floor == 0));

    private static Judge atMost(double limit) {
        return (hook, floor, recommended) -> yes(hook <= limit);
    }

    private static Judge atMostWithRecommendedFlags(double limit) {
        return (hook, floor, recommended) -> recommended ? yes(hook <= limit) : "";
    }

    private static Judge atLeastOfFloor(double share) {
        return (hook, floor, recommended) -> Double.isNaN(floor) ? ""
                : yes(hook / floor >= share) + String.format(" (%.0f %%)", 100 * hook / floor);
    }

    private static Judge atMostFloorPlus(double margin) {
        return (hook, floor, recommended) -> Double.isNaN(floor) ? "" : yes(hook <= floor + margin);
    }

    private static final List<Row> ROWS = List.of(
            new Row("start-up to first SUCCESSFUL, fast start (s)", "startupSeconds", "≤ 2.5 s", atMost(2.5)),
            new Row("start-up to first SUCCESSFUL, java -jar (s)", "plainJarStartupSeconds", "", NONE),
            new Row("saturation, stand-in 0 ms, %d connections: SUCCESSFUL/s"
                    .formatted(Benchmark.SATURATION_CONNECTIONS), "saturationSuccessfulPerSecond",
                    "≥ 70 % of floor", atLeastOfFloor(0.70)),
            new Row("saturation: answers", "saturationAnswers", "", NONE),
            new Row("saturation: FAILED", "saturationFailed", "0", HOOK_ZERO),
            new Row("saturation: HTTP errors", "saturationHttpErrors", "0", HOOK_ZERO),
            new Row("saturation: no answer (timeout, connection)", "saturationNoAnswer", "0", HOOK_ZERO),
            new Row("Okta-like %d/s open, stand-in %d ms: overhead p50 (ms)".formatted(Benchmark.OKTA_RATE,
                    Benchmark.OKTA_LIKE_TWILIO_LATENCY.toMillis()), "oktaLikeOverheadP50Ms", "", NONE),
            new Row("Okta-like: overhead p99 (ms)", "oktaLikeOverheadP99Ms", "≤ floor + 5 ms", atMostFloorPlus(5)),
            new Row("Okta-like: overhead p99.9 (ms)", "oktaLikeOverheadP999Ms", "", NONE),
            new Row("Okta-like: answers", "oktaLikeAnswers", "", NONE),
            new Row("Okta-like: FAILED", "oktaLikeFailed", "0", HOOK_ZERO),
            new Row("Okta-like: HTTP errors", "oktaLikeHttpErrors", "0", HOOK_ZERO),
            new Row("Okta-like: no answer (timeout, connection)", "oktaLikeNoAnswer", "0", HOOK_ZERO),
            new Row("Okta-like, answers in pieces: overhead p50 (ms)", "piecesOverheadP50Ms", "", NONE),
            new Row("Okta-like, answers in pieces: overhead p99 (ms)", "piecesOverheadP99Ms", "≤ floor + 5 ms",
                    atMostFloorPlus(5)),
            new Row("Okta-like, answers in pieces: Twilio request mean (ms)", "piecesTwilioRequestMeanMs",
                    "≤ %d ms".formatted(Benchmark.OKTA_LIKE_TWILIO_LATENCY.toMillis() + 10),
                    atMost(Benchmark.OKTA_LIKE_TWILIO_LATENCY.toMillis() + 10)),
            new Row("Okta-like, answers in pieces: FAILED", "piecesFailed", "0", HOOK_ZERO),
            new Row("Okta-like, answers in pieces: no answer", "piecesNoAnswer", "0", HOOK_ZERO),
            new Row("stand-in refused (credentials, path, fields)", "standInRefused", "0, both", BOTH_ZERO),
            new Row("resident memory after Okta-like run (MB)", "rssMegabytes", "≤ 256 MB (rec.)",
                    atMostWithRecommendedFlags(256)));

    private static final String LINE = "| %-58s | %-22s | %-22s | %-15s | %-9s |%n";

    private final List<Run> runs;
    private final Map<String, Object> settings;
    private final String recommendedFlags;

    BenchReport(List<Run> runs, Map<String, Object> settings, String recommendedFlags) {
        this.runs = runs;
        this.settings = settings;
        this.recommendedFlags = recommendedFlags;
    }

    String tables() {
        StringBuilder tables = new StringBuilder(String.format("%nMeasured figures: median [min–max] over %s;"
                + " counts: totals over the runs.%n", settings.get("samples")));
        for (String flags : flagSets()) {
            tables.append(table(flags));
        }
        return tables.toString();
    }

    private String table(String flags) {
        boolean withFloor = runs.stream().anyMatch(run -> run.flags().equals(flags) && run.target().equals(FLOOR));
        boolean recommended = flags.equals(recommendedFlags);
        StringBuilder table = new StringBuilder(String.format("%nJVM flags: %s%s%n%n", flags,
                recommended ? " (recommended)" : ""));
        table.append(String.format(LINE, "scenario", HOOK, FLOOR, "bar", "met"));
        table.append(String.format(LINE, "-".repeat(58), "-".repeat(22), "-".repeat(22), "-".repeat(15), "-".repeat(9))
                .replace(' ', '-'));
        for (Row row : ROWS) {
            double hook = headline(HOOK, flags, row.figure());
            double floor = withFloor ? headline(FLOOR, flags, row.figure()) : Double.NaN;
            table.append(String.format(LINE, row.label(), cell(HOOK, flags, row.figure()),
                    withFloor ? cell(FLOOR, flags, row.figure()) : "-", row.bar(),
                    Double.isNaN(hook) ? "" : row.judge().met(hook, floor, recommended)));
        }
        return table.toString();
    }

    void write(Path file) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String flags : flagSets()) {
            Map<String, Object> byTarget = new LinkedHashMap<>();
            for (String target : List.of(HOOK, FLOOR)) {
                Map<String, Object> measured = new LinkedHashMap<>();
                Map<String, Object> counts = new LinkedHashMap<>();
                runsOf(target, flags).forEach(run -> {
                    run.samples().keySet().forEach(figure -> measured.put(figure, spread(target, flags, figure)));
                    run.counts().keySet().forEach(figure -> counts.put(figure, total(target, flags, figure)));
                });
                byTarget.put(target, Map.of("measured", measured, "countsTotal", counts));
            }
            summary.put(flags, byTarget);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "jdk", System.getProperty("java.version")));
        json.put("recommendedFlags", recommendedFlags);
        json.put("settings", settings);
        json.put("summary", summary);
        json.put("runs", runs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    /** The value a bar is judged on: the median of a measured figure, the total of a count (NaN: none). */
    private double headline(String target, String flags, String figure) {
        return isCount(figure) ? total(target, flags, figure) : spread(target, flags, figure).median();
    }

    private String cell(String target, String flags, String figure) {
        return isCount(figure) ? String.valueOf(total(target, flags, figure)) : spread(target, flags, figure).format();
    }

    private boolean isCount(String figure) {
        return runs.stream().anyMatch(run -> run.counts().containsKey(figure));
    }

    private Spread spread(String target, String flags, String figure) {
        return Spread.of(runsOf(target, flags).stream()
                .flatMap(run -> run.samples().getOrDefault(figure, List.of()).stream()).toList());
    }

    private long total(String target, String flags, String figure) {
        return runsOf(target, flags).stream().mapToLong(run -> run.counts().getOrDefault(figure, 0L)).sum();
    }

    private List<Run> runsOf(String target, String flags) {
        return runs.stream().filter(run -> run.target().equals(target) && run.flags().equals(flags)).toList();
    }

    private List<String> flagSets() {
        return runs.stream().map(Run::flags).distinct().toList();
    }

    private static String yes(boolean met) {
        return met ? "yes" : "NO";
    }
}
