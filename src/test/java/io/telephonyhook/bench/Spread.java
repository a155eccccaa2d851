package io.telephonyhook.bench;

import java.util.List;

/** A measured figure over a target's runs: the median, and how far the runs lay from it. */
record Spread(double min, double median, double max) {

    static Spread of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(sorted.get(0), Run.round(median), sorted.get(n - 1));
    }

    /** {@code 533 [520–561]}; one run is just its figure. */
    String format() {
        return min == max ? number(median) : number(median) + " [" + number(min) + "–" + number(max) + "]";
    }

    static String number(double value) {
        return Math.abs(value) >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
    }
}
