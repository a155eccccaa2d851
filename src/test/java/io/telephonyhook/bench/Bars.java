package io.telephonyhook.bench;

import java.util.List;

/**
 * What the project promises, row by row of the report: each figure's label, its bar as printed, and how the bar is
 * judged from the hook's value, the floor's and the peer's. Kept apart from the report's layout so that a changed
 * promise is a change here alone.
 */
final class Bars {

    private Bars() {
    }

    /**
     * Says whether a row's bar is met, from the hook's value, the floor's and the peer's (NaN when it did not run)
     * and the flags.
     */
    interface Judge {
        String met(double hook, double floor, double peer, boolean recommendedFlags);
    }

    /** A row of the table; with {@code toFloor}, its cells are each target's median over the floor's. */
    record Row(String label, String figure, String bar, Judge judge, boolean toFloor) {

        Row(String label, String figure, String bar, Judge judge) {
            this(label, figure, bar, judge, false);
        }
    }

    private static final Judge NONE = (hook, floor, peer, recommended) -> "";
    private static final Judge HOOK_ZERO = (hook, floor, peer, recommended) -> yes(hook == 0);
    private static final Judge ALL_ZERO = (hook, floor, peer, recommended) -> yes(hook == 0 && zeroOrNone(floor)
            && zeroOrNone(peer));

    private static Judge atMost(double limit) {
        return (hook, floor, peer, recommended) -> yes(hook <= limit);
    }

    private static Judge atMostWithRecommendedFlags(double limit) {
        return (hook, floor, peer, recommended) -> recommended ? yes(hook <= limit) : "";
    }

    private static Judge atLeastOfFloor(double share) {
        return (hook, floor, peer, recommended) -> Double.isNaN(floor) ? ""
                : yes(hook / floor >= share) + String.format(" (%.0f %%)", 100 * hook / floor);
    }

    private static Judge atMostFloorPlus(double margin) {
        return (hook, floor, peer, recommended) -> Double.isNaN(floor) ? "" : yes(hook <= floor + margin);
    }

    private static Judge atMostTimesPeer(double times) {
        return (hook, floor, peer, recommended) -> Double.isNaN(peer) ? ""
                : yes(hook <= times * peer) + String.format(" (%.2f ×)", hook / peer);
    }

    static final List<Row> ROWS = List.of(
            new Row("start-up to first SUCCESSFUL, fast start (s)", "startupSeconds", "≤ 1.5 s", atMost(1.5)),
            new Row("start-up to first SUCCESSFUL, java -jar (s)", "plainJarStartupSeconds", "≤ 4 s", atMost(4)),
            new Row("saturation, stand-in 0 ms, %d connections: SUCCESSFUL/s"
                    .formatted(Benchmark.SATURATION_CONNECTIONS), "saturationSuccessfulPerSecond",
                    "≥ 70 % of floor", atLeastOfFloor(0.70)),
            new Row("CPU per answered call, saturation (ms)", "cpuPerCallMs", "≤ 1.2 × Node peer",
                    atMostTimesPeer(1.2)),
            new Row("CPU per answered call, saturation: × the floor's", "cpuPerCallMs", "", NONE, true),
            new Row("CPU used at saturation (cores)", "cpuUtilisation", "", NONE),
            new Row("saturation: answers", "saturationAnswers", "", NONE),
            new Row("saturation: FAILED", "saturationFailed", "0", HOOK_ZERO),
            new Row("saturation: HTTP errors", "saturationHttpErrors", "0", HOOK_ZERO),
            new Row("saturation: no answer (timeout, connection)", "saturationNoAnswer", "0", HOOK_ZERO),
            new Row("Okta-like %d/s open, stand-in %d ms: overhead p50 (ms)".formatted(Benchmark.OKTA_RATE,
                    Benchmark.OKTA_LIKE_TWILIO_LATENCY.toMillis()), "oktaLikeOverheadP50Ms", "", NONE),
            new Row("Okta-like: overhead p99 (ms)", "oktaLikeOverheadP99Ms", "≤ floor + 2 ms", atMostFloorPlus(2)),
            new Row("Okta-like: overhead p99.9 (ms)", "oktaLikeOverheadP999Ms", "", NONE),
            new Row("Okta-like: answers", "oktaLikeAnswers", "", NONE),
            new Row("Okta-like: FAILED", "oktaLikeFailed", "0", HOOK_ZERO),
            new Row("Okta-like: HTTP errors", "oktaLikeHttpErrors", "0", HOOK_ZERO),
            new Row("Okta-like: no answer (timeout, connection)", "oktaLikeNoAnswer", "0", HOOK_ZERO),
            new Row("Okta-like, answers in pieces: overhead p50 (ms)", "piecesOverheadP50Ms", "", NONE),
            new Row("Okta-like, answers in pieces: overhead p99 (ms)", "piecesOverheadP99Ms", "≤ floor + 2 ms",
                    atMostFloorPlus(2)),
            new Row("Okta-like, answers in pieces: Twilio request mean (ms)", "piecesTwilioRequestMeanMs",
                    "≤ %d ms".formatted(Benchmark.OKTA_LIKE_TWILIO_LATENCY.toMillis() + 10),
                    atMost(Benchmark.OKTA_LIKE_TWILIO_LATENCY.toMillis() + 10)),
            new Row("Okta-like, answers in pieces: FAILED", "piecesFailed", "0", HOOK_ZERO),
            new Row("Okta-like, answers in pieces: no answer", "piecesNoAnswer", "0", HOOK_ZERO),
            new Row("stand-in refused (credentials, path, fields)", "standInRefused", "0, all", ALL_ZERO),
            new Row("resident memory after Okta-like run (MB)", "rssMegabytes", "≤ 256 MB (rec.)",
                    atMostWithRecommendedFlags(256)));

    private static boolean zeroOrNone(double value) {
        return Double.isNaN(value) || value == 0;
    }

    private static String yes(boolean met) {
        return met ? "yes" : "NO";
    }
}
