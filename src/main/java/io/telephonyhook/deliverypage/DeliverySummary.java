package io.telephonyhook.deliverypage;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.telephonyhook.deliveries.DeliveryRecord;

/**
 * The page's summary, so that "carrier blocking in one country" shows at a glance: per channel and per country, the
 * codes sent over the last hour and day and how many were delivered, failed or are still pending, and the most
 * frequent Twilio error codes of the day, over the newest {@value DeliverySearch#SCANNED} deliveries kept. The rate is
 * delivered over those with a final status (a code still pending counts on neither side); the dashboard's SMS rate
 * counts only {@code undelivered} and {@code failed} against it, this one every final status that is not delivered.
 */
record DeliverySummary(Map<String, Tally[]> byChannel, Map<String, Tally[]> byCountry, List<ErrorCount> errors) {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);
    static final int COUNTRIES_SHOWN = 10;
    static final int ERRORS_SHOWN = 5;

    /** Codes sent in one window: {@code [0]} the last hour, {@code [1]} the last day. */
    record Tally(int sent, int delivered, int failed) {

        int pending() {
            return sent - delivered - failed;
        }

        /** Delivered over those with a final status, or null when none has one yet. */
        Double rate() {
            return delivered + failed == 0 ? null : (double) delivered / (delivered + failed);
        }

        Tally plus(DeliveryRecord record) {
            String outcome = DeliverySearch.outcomeOf(record);
            return new Tally(sent + 1, delivered + ("delivered".equals(outcome) ? 1 : 0),
                    failed + ("failed".equals(outcome) ? 1 : 0));
        }
    }

    /** A Twilio error code, how many of the day's deliveries ended with it, and in which countries. */
    record ErrorCount(int code, long count, String countries) {
    }

    static DeliverySummary of(List<DeliveryRecord> latest, Instant now) {
        List<DeliveryRecord> day = latest.stream().filter(record -> !record.sentAt().isBefore(now.minus(DAY))).toList();
        Map<String, Tally[]> byCountry = tallies(day, now, DeliveryRecord::country);
        Map<String, Tally[]> busiest = byCountry.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Tally[]> entry) -> -entry.getValue()[1].sent())
                        .thenComparing(Map.Entry::getKey))
                .limit(COUNTRIES_SHOWN)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new DeliverySummary(tallies(day, now, DeliveryRecord::channel), busiest, errors(day));
    }

    private static Map<String, Tally[]> tallies(List<DeliveryRecord> day, Instant now,
                                               Function<DeliveryRecord, String> key) {
        Instant hourAgo = now.minus(HOUR);
        Map<String, Tally[]> tallies = new java.util.TreeMap<>();
        for (DeliveryRecord record : day) {
            Tally[] tally = tallies.computeIfAbsent(String.valueOf(key.apply(record)),
                    any -> new Tally[] {new Tally(0, 0, 0), new Tally(0, 0, 0)});
            if (!record.sentAt().isBefore(hourAgo)) {
                tally[0] = tally[0].plus(record);
            }
            tally[1] = tally[1].plus(record);
        }
        return tallies;
    }

    private static List<ErrorCount> errors(List<DeliveryRecord> day) {
        Map<Integer, List<DeliveryRecord>> byCode = day.stream().filter(record -> record.errorCode() != null)
                .collect(Collectors.groupingBy(DeliveryRecord::errorCode));
        return byCode.entrySet().stream()
                .map(entry -> new ErrorCount(entry.getKey(), entry.getValue().size(), entry.getValue().stream()
                        .map(DeliveryRecord::country).distinct().sorted().collect(Collectors.joining(", "))))
                .sorted(Comparator.comparingLong((ErrorCount error) -> -error.count()).thenComparing(ErrorCount::code))
                .limit(ERRORS_SHOWN)
                .toList();
    }
}
