package io.telephonyhook.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.telephonyhook.support.TwilioStandIn;

/**
 * One target's figures from one run (a fresh JVM: start-up, warm-up, saturation window, Okta-like window), under the
 * names {@code results.json} uses: what was measured (a rate, a latency, a size), and what was counted (answers,
 * FAILED, errors), which the report adds up over the runs rather than taking their median.
 */
record Run(String target, int round, Map<String, Double> measured, Map<String, Long> counts) {

    static final class Builder {
        private final Map<String, Double> measured = new LinkedHashMap<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();

        Builder startup(double seconds) {
            measured.put("startupSeconds", round(seconds));
            return this;
        }

        Builder saturation(LoadGenerator.Result result) {
            measured.put("saturationSuccessfulPerSecond", round(result.successfulPerSecond()));
            return outcomes("saturation", result);
        }

        Builder oktaLike(LoadGenerator.Result result) {
            measured.put("oktaLikeOverheadP50Ms", millis(result.latencyMicros().getValueAtPercentile(50)));
            measured.put("oktaLikeOverheadP99Ms", millis(result.latencyMicros().getValueAtPercentile(99)));
            measured.put("oktaLikeOverheadP999Ms", millis(result.latencyMicros().getValueAtPercentile(99.9)));
            measured.put("oktaLikeOverheadMaxMs", millis(result.latencyMicros().getMaxValue()));
            return outcomes("oktaLike", result);
        }

        /** What the stand-in saw of this target, start-up and warm-up included. */
        Builder standIn(TwilioStandIn.Counts seen) {
            counts.put("standInAccepted", seen.accepted());
            counts.put("standInRefused", seen.refused());
            return this;
        }

        Builder rss(long bytes) {
            measured.put("rssMegabytes", (double) (bytes / (1024 * 1024)));
            return this;
        }

        Run build(String target, int round) {
            return new Run(target, round, Collections.unmodifiableMap(new LinkedHashMap<>(measured)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(counts)));
        }

        private Builder outcomes(String scenario, LoadGenerator.Result result) {
            counts.put(scenario + "Sent", result.sent());
            counts.put(scenario + "Answers", result.answers());
            counts.put(scenario + "Successful", result.successful());
            counts.put(scenario + "Failed", result.failed());
            counts.put(scenario + "HttpErrors", result.httpErrors());
            counts.put(scenario + "NoAnswer", result.noAnswer());
            return this;
        }
    }

    private static double millis(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
