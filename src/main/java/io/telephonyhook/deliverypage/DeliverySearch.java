package io.telephonyhook.deliverypage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.deliveries.DeliveryRecord;
import io.telephonyhook.deliveries.DeliveryStatuses;

/**
 * What a help-desk agent searches for, read from the page's query: Okta's {@code eventId}, the last {@code digits} of
 * the number (2 to 4, as masked numbers keep them), Twilio's {@code sid}, an {@code outcome} ({@code delivered},
 * {@code failed}: a final status other than delivered, {@code pending}: no final status yet), a {@code channel}, an
 * {@code org}, and a {@code window} back from now ({@code 1h}, {@code 24h} by default, {@code 7d}); and which
 * {@code page} of {@value #PAGE_SIZE}, newest first. The window does not apply to a search by eventId or SID. Whatever cannot be read is ignored and named in {@link #problems},
 * so a mistyped field never hides results silently.
 */
public record DeliverySearch(String eventId, String digits, String sid, String outcome, String channel, String org,
                             String window, int page, List<String> problems) {

    static final int PAGE_SIZE = 20;
    /** The most deliveries a search looks through, newest first (the ledgers keep at most about this many). */
    static final int SCANNED = 10_000;
    static final Map<String, Duration> WINDOWS = Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7));
    static final List<String> OUTCOMES = List.of("delivered", "failed", "pending");

    private static final Pattern DIGITS = Pattern.compile("\\d{2,4}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** One page of what was found: {@code total} deliveries matched, of which {@code shown}. */
    public record Found(List<DeliveryRecord> shown, int total, int page, int pages) {
    }

    /** Reads a search from the page's query parameters ({@code parameter.apply(name)}, null when absent). */
    public static DeliverySearch of(Function<String, String> parameter) {
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        String digits = blankless(parameter.apply("digits"));
        if (digits != null && !DIGITS.matcher(digits).matches()) {
            problems.add("Last digits: give 2 to 4 digits, as in +1******2671.");
            digits = null;
        }
        String outcome = lower(parameter.apply("outcome"));
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            outcome = null;
        }
        String channel = lower(parameter.apply("channel"));
        if (channel != null && !List.of(DeliveryStatuses.SMS, DeliveryStatuses.VOICE).contains(channel)) {
            channel = null;
        }
        String window = lower(parameter.apply("window"));
        if (window != null && !WINDOWS.containsKey(window)) {
            problems.add("Sent in the last: 1h, 24h or 7d; the last day is shown.");
        }
        if (window == null || !WINDOWS.containsKey(window)) {
            window = "24h";
        }
        int page = 1;
        try {
            String asked = blankless(parameter.apply("page"));
            page = asked == null ? 1 : Math.max(1, Math.min(SCANNED / PAGE_SIZE, Integer.parseInt(asked)));
        } catch (NumberFormatException notANumber) {
            problems.add("Page: give a number.");
        }
        return new DeliverySearch(word(parameter.apply("eventId"), "Event id", problems), digits,
                word(parameter.apply("sid"), "Twilio SID", problems), outcome, channel,
                word(parameter.apply("org"), "Org", problems), window, page, List.copyOf(problems));
    }

    /**
     * The deliveries that match, newest first, this search's page of them.
     *
     * @param latest the ledger's latest deliveries ({@link DeliveryLedger#latest}), searched unless an eventId or SID
     *               is given (those are looked up in the ledger, however old)
     */
    public Found run(DeliveryLedger ledger, List<DeliveryRecord> latest, Instant now) {
        List<DeliveryRecord> candidates;
        if (sid != null) {
            candidates = ledger.bySid(sid).map(List::of).orElse(List.of());
        } else if (eventId != null) {
            candidates = ledger.byEventId(eventId);
        } else {
            candidates = latest;
        }
        List<DeliveryRecord> matching = candidates.stream().filter(matches(now)).toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shownPage = Math.min(page, pages);
        List<DeliveryRecord> shown = matching.stream().skip((long) (shownPage - 1) * PAGE_SIZE).limit(PAGE_SIZE).toList();
        return new Found(shown, matching.size(), shownPage, pages);
    }

    /** This search on another page, for the paging links. */
    DeliverySearch onPage(int other) {
        return new DeliverySearch(eventId, digits, sid, outcome, channel, org, window, other, problems);
    }

    private Predicate<DeliveryRecord> matches(Instant now) {
        Instant since = now.minus(WINDOWS.get(window));
        boolean exact = sid != null || eventId != null; // an agent with an eventId wants it whenever it was
        return record -> (exact || !record.sentAt().isBefore(since))
                && (eventId == null || eventId.equals(record.eventId()))
                && (digits == null || record.to() != null && record.to().endsWith(digits))
                && (channel == null || channel.equals(record.channel()))
                && (org == null || org.equals(record.org()))
                && (outcome == null || outcome.equals(outcomeOf(record)));
    }

    /**
     * {@code delivered} (an SMS delivered or read, a call completed), {@code failed} (any other final status:
     * undelivered, failed, canceled, partially delivered; a call busy, unanswered, failed or canceled) or
     * {@code pending} (no final status yet).
     */
    static String outcomeOf(DeliveryRecord record) {
        if (DeliveryStatuses.isDelivered(record.channel(), record.status()) || "read".equals(record.status())) {
            return "delivered";
        }
        return DeliveryStatuses.isFinal(record.channel(), record.status()) ? "failed" : "pending";
    }

    private static String word(String value, String field, List<String> problems) {
        String text = blankless(value);
        if (text != null && !WORD.matcher(text).matches()) {
            problems.add(field + ": letters, digits and . _ : - only.");
            return null;
        }
        return text;
    }

    private static String lower(String value) {
        String text = blankless(value);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
