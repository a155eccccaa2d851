package io.telephonyhook.bench;

import java.util.List;

/** A measured figure's samples (windows or start-ups): the median, and how far the others lay from it. */
record Spread(double min, double median, double max) {

    static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN);

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(sorted.get(0), Run.round(median), sorted.get(n - 1));
    }

    /** {@code 533 [520–561]}; one sample is just its figure; none is a dash. */
    String format() {
        if (Double.isNaN(median)) {
            return "-";
        }
        return min == max ? number(median) : number(median) + " [" + number(min) + "–" + number(max) + "]";
    }

    /** Three figures or so: 533, 8.8, 1.43 (CPU per call is often below a millisecond, start-ups near their bar). */
    static String number(double value) {
        double magnitude = Math.abs(value);
        return String.format(magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f", value);
    }
}
