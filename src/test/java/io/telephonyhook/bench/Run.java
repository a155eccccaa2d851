package io.telephonyhook.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.telephonyhook.support.TwilioStandIn;

/**
 * What one fresh JVM of a target gave, under the names {@code results.json} uses: the samples of each measured figure
 * (one per measured window of a load run, one start-up per run), and what was counted (answers, FAILED, errors), which
 * the report adds up over the runs rather than taking their median. A start-up run has only its start-up.
 */
record Run(String target, String flags, Map<String, List<Double>> samples, Map<String, Long> counts) {

    static final class Builder {
        private final Map<String, List<Double>> samples = new LinkedHashMap<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();

        /** From process start until the first SUCCESSFUL answer, under {@code figure}. */
        Builder startup(String figure, double seconds) {
            return sample(figure, seconds);
        }

        /**
         * A saturation window, with the CPU time the target's process used in it: per answered call (a FAILED costs
         * CPU too, and a target answering FAILED fast must not look frugal), and in cores (CPU seconds a second).
         */
        Builder saturation(LoadGenerator.Result window, double cpuSeconds) {
            sample("saturationSuccessfulPerSecond", window.successfulPerSecond());
            if (window.answers() > 0) {
                sample("cpuPerCallMs", cpuSeconds * 1000 / window.answers());
            }
            sample("cpuUtilisation", cpuSeconds / window.seconds());
            return outcomes("saturation", window);
        }

        Builder oktaLike(LoadGenerator.Result window) {
            sample("oktaLikeOverheadP50Ms", millis(window.latencyMicros().getValueAtPercentile(50)));
            sample("oktaLikeOverheadP99Ms", millis(window.latencyMicros().getValueAtPercentile(99)));
            sample("oktaLikeOverheadP999Ms", millis(window.latencyMicros().getValueAtPercentile(99.9)));
            sample("oktaLikeOverheadMaxMs", millis(window.latencyMicros().getMaxValue()));
            return outcomes("oktaLike", window);
        }

        /** An Okta-like window against answers in pieces, with the hook's mean Twilio request time in it. */
        Builder oktaLikePieces(LoadGenerator.Result window, double twilioRequestMeanMs) {
            sample("piecesOverheadP50Ms", millis(window.latencyMicros().getValueAtPercentile(50)));
            sample("piecesOverheadP99Ms", millis(window.latencyMicros().getValueAtPercentile(99)));
            if (twilioRequestMeanMs > 0) {
                sample("piecesTwilioRequestMeanMs", twilioRequestMeanMs);
            }
            return outcomes("pieces", window);
        }

        /** What the stand-in saw of this target, start-up and warm-up included. */
        Builder standIn(TwilioStandIn.Counts seen) {
            counts.merge("standInAccepted", seen.accepted(), Long::sum);
            counts.merge("standInRefused", seen.refused(), Long::sum);
            return this;
        }

        Builder rss(long bytes) {
            return sample("rssMegabytes", (double) (bytes / (1024 * 1024)));
        }

        Run build(String target, String flags) {
            Map<String, List<Double>> frozen = new LinkedHashMap<>();
            samples.forEach((figure, values) -> frozen.put(figure, List.copyOf(values)));
            return new Run(target, flags, Collections.unmodifiableMap(frozen),
                    Collections.unmodifiableMap(new LinkedHashMap<>(counts)));
        }

        private Builder sample(String figure, double value) {
            samples.computeIfAbsent(figure, key -> new ArrayList<>()).add(round(value));
            return this;
        }

        private Builder outcomes(String scenario, LoadGenerator.Result window) {
            counts.merge(scenario + "Sent", window.sent(), Long::sum);
            counts.merge(scenario + "Answers", window.answers(), Long::sum);
            counts.merge(scenario + "Successful", window.successful(), Long::sum);
            counts.merge(scenario + "Failed", window.failed(), Long::sum);
            counts.merge(scenario + "HttpErrors", window.httpErrors(), Long::sum);
            counts.merge(scenario + "NoAnswer", window.noAnswer(), Long::sum);
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
