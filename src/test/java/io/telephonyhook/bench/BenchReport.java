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
 * The table and {@code results.json} from every run: a measured figure as median [min–max] over a target's runs, a
 * count (answers, FAILED, errors) as the total over them, so a single FAILED in any run shows. Bars are judged on the
 * hook's median or total; the floor is the reference, except that neither may be refused by the stand-in.
 */
final class BenchReport {

    static final String HOOK = "hook";
    static final String FLOOR = "floor";

    /** Says whether a row's bar is met, from the hook's value and the floor's (NaN when the floor did not run). */
    private interface Judge {
        String met(double hook, double floor);
    }

    private record Row(String label, String figure, String bar, Judge judge) {
    }

    private static final Judge NONE = (hook, floor) -> "";
    private static final Judge HOOK_ZERO = (hook, floor) -> yes(hook == 0);
    private static final Judge BOTH_ZERO = (hook, floor) -> yes(hook == 0 && (Double.isNaN(floor) || floor == 0));

    private static Judge atMost(double limit) {
        return (hook, floor) -> yes(hook <= limit);
    }

    private static Judge atLeastOfFloor(double share) {
        return (hook, floor) -> Double.isNaN(floor) ? ""
                : yes(hook / floor >= share) + String.format(" (%.0f %%)", 100 * hook / floor);
    }

    private static final List<Row> ROWS = List.of(
            new Row("saturation, stand-in 0 ms, %d connections: SUCCESSFUL/s"
                    .formatted(Benchmark.SATURATION_CONNECTIONS), "saturationSuccessfulPerSecond", "≥ 70 % of floor", atLeastOfFloor(0.70)),
            new Row("saturation: answers", "saturationAnswers", "", NONE),
            new Row("saturation: SUCCESSFUL", "saturationSuccessful", "", NONE),
            new Row("saturation: FAILED", "saturationFailed", "0", HOOK_ZERO),
            new Row("saturation: HTTP errors", "saturationHttpErrors", "0", HOOK_ZERO),
            new Row("saturation: no answer (timeout, connection)", "saturationNoAnswer", "0", HOOK_ZERO),
            new Row("Okta-like %d/s open, stand-in %d ms: overhead p50 (ms)".formatted(Benchmark.OKTA_RATE,
                    Benchmark.OKTA_LIKE_TWILIO_LATENCY.toMillis()), "oktaLikeOverheadP50Ms", "", NONE),
            new Row("Okta-like: overhead p99 (ms)", "oktaLikeOverheadP99Ms", "≤ 10 ms", atMost(10)),
            new Row("Okta-like: overhead p99.9 (ms)", "oktaLikeOverheadP999Ms", "", NONE),
            new Row("Okta-like: answers", "oktaLikeAnswers", "", NONE),
            new Row("Okta-like: SUCCESSFUL", "oktaLikeSuccessful", "", NONE),
            new Row("Okta-like: FAILED", "oktaLikeFailed", "0", HOOK_ZERO),
            new Row("Okta-like: HTTP errors", "oktaLikeHttpErrors", "0", HOOK_ZERO),
            new Row("Okta-like: no answer (timeout, connection)", "oktaLikeNoAnswer", "0", HOOK_ZERO),
            new Row("stand-in refused (credentials, path, fields)", "standInRefused", "0, both", BOTH_ZERO),
            new Row("start-up to first SUCCESSFUL (s)", "startupSeconds", "≤ 5 s", atMost(5)),
            new Row("resident memory after Okta-like run (MB)", "rssMegabytes", "≤ 350 MB", atMost(350)));

    private static final String LINE = "| %-58s | %-22s | %-22s | %-15s | %-9s |%n";

    private final List<Run> runs;
    private final Map<String, Object> settings;

    BenchReport(List<Run> runs, Map<String, Object> settings) {
        this.runs = runs;
        this.settings = settings;
    }

    String table() {
        boolean withFloor = runs.stream().anyMatch(run -> run.target().equals(FLOOR));
        StringBuilder table = new StringBuilder(String.format("%nMeasured figures: median [min–max] over %s; counts:"
                + " totals over them.%n%n", settings.get("order")));
        table.append(String.format(LINE, "scenario", HOOK, FLOOR, "bar", "met"));
        table.append(String.format(LINE, "-".repeat(58), "-".repeat(22), "-".repeat(22), "-".repeat(15), "-".repeat(9))
                .replace(' ', '-'));
        for (Row row : ROWS) {
            double hook = headline(HOOK, row.figure());
            double floor = withFloor ? headline(FLOOR, row.figure()) : Double.NaN;
            table.append(String.format(LINE, row.label(), cell(HOOK, row.figure()),
                    withFloor ? cell(FLOOR, row.figure()) : "-", row.bar(), row.judge().met(hook, floor)));
        }
        return table.toString();
    }

    void write(Path file, List<String> jvmArgs) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String target : targets()) {
            Map<String, Object> measured = new LinkedHashMap<>();
            Map<String, Object> counts = new LinkedHashMap<>();
            Run first = runsOf(target).get(0);
            first.measured().keySet().forEach(figure -> measured.put(figure, spread(target, figure)));
            first.counts().keySet().forEach(figure -> counts.put(figure, total(target, figure)));
            summary.put(target, Map.of("measured", measured, "countsTotal", counts));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "jdk", System.getProperty("java.version"), "jvmArgs", String.join(" ", jvmArgs)));
        json.put("settings", settings);
        json.put("summary", summary);
        json.put("runs", runs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    /** The value a bar is judged on: the median of a measured figure, the total of a count. */
    private double headline(String target, String figure) {
        return isCount(figure) ? total(target, figure) : spread(target, figure).median();
    }

    private String cell(String target, String figure) {
        return isCount(figure) ? String.valueOf(total(target, figure)) : spread(target, figure).format();
    }

    private boolean isCount(String figure) {
        return runs.get(0).counts().containsKey(figure);
    }

    private Spread spread(String target, String figure) {
        return Spread.of(runsOf(target).stream().map(run -> run.measured().get(figure)).toList());
    }

    private long total(String target, String figure) {
        return runsOf(target).stream().mapToLong(run -> run.counts().get(figure)).sum();
    }

    private List<Run> runsOf(String target) {
        return runs.stream().filter(run -> run.target().equals(target)).toList();
    }

    private List<String> targets() {
        return runs.stream().map(Run::target).distinct().toList();
    }

    private static String yes(boolean met) {
        return met ? "yes" : "NO";
    }
}
