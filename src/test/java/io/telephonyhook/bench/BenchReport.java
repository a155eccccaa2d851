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
 * or the Node peer's median under the same flags where the bar is relative (a bar against a target that did not run
 * is not judged); the memory bar holds for the recommended flags only. The floor says what the hook's own work could
 * cost at best; the peer, Okta's own sample, what a customer would otherwise run.
 */
final class BenchReport {

    static final String HOOK = "hook";
    static final String FLOOR = "floor";
    static final String PEER = "peer";

    private static final String LINE = "| %-58s | %-18s | %-18s | %-18s | %-17s | %-12s |%n";

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
        boolean recommended = flags.equals(recommendedFlags);
        StringBuilder table = new StringBuilder(String.format("%nJVM flags: %s%s%n%n", flags,
                recommended ? " (recommended)" : ""));
        table.append(String.format(LINE, "scenario", HOOK, FLOOR, "Node peer", "bar", "met"));
        table.append(String.format(LINE, "-".repeat(58), "-".repeat(18), "-".repeat(18), "-".repeat(18),
                "-".repeat(17), "-".repeat(12)).replace(' ', '-'));
        for (Bars.Row row : Bars.ROWS) {
            double hook = headline(HOOK, flags, row.figure());
            double floor = ran(FLOOR, flags) ? headline(FLOOR, flags, row.figure()) : Double.NaN;
            double peer = ran(PEER, flags) ? headline(PEER, flags, row.figure()) : Double.NaN;
            table.append(String.format(LINE, row.label(), cell(HOOK, flags, row), cell(FLOOR, flags, row),
                    cell(PEER, flags, row), row.bar(),
                    Double.isNaN(hook) ? "" : row.judge().met(hook, floor, peer, recommended)));
        }
        return table.toString();
    }

    void write(Path file) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String flags : flagSets()) {
            Map<String, Object> byTarget = new LinkedHashMap<>();
            for (String target : List.of(HOOK, FLOOR, PEER)) {
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

    /** A target's median [min–max] or total, its median over the floor's in a {@code toFloor} row, or a dash. */
    private String cell(String target, String flags, Bars.Row row) {
        String figure = row.figure();
        if (!ran(target, flags)) {
            return "-";
        }
        if (row.toFloor()) {
            double ratio = spread(target, flags, figure).median() / spread(FLOOR, flags, figure).median();
            return Double.isNaN(ratio) ? "-" : String.format("%.2f ×", ratio);
        }
        return isCount(figure) ? String.valueOf(total(target, flags, figure)) : spread(target, flags, figure).format();
    }

    private boolean ran(String target, String flags) {
        return !runsOf(target, flags).isEmpty();
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
}
