package io.telephonyhook.delivery;

import java.time.Duration;

/**
 * The moment by which Okta must have its answer for one call ({@code HOOK_DEADLINE} after the request arrived).
 * Okta waits 3 seconds and then sends the code itself: everything the call does, Twilio included, fits before this.
 * Measured on {@link System#nanoTime()}, which wall-clock adjustments cannot move.
 */
public final class CallDeadline {

    private final long startNanos;
    private final long deadlineNanos;

    private CallDeadline(long startNanos, long deadlineNanos) {
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /** A deadline {@code budget} after {@code startNanos} (a {@link System#nanoTime()} reading). */
    public static CallDeadline after(long startNanos, Duration budget) {
        return new CallDeadline(startNanos, startNanos + budget.toNanos());
    }

    /** Milliseconds since the call arrived: the hook's own latency, as Okta sees it (less the network). */
    public long elapsedMillis() {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    /** The whole time the call was given ({@code HOOK_DEADLINE}). */
    public Duration budget() {
        return Duration.ofNanos(deadlineNanos - startNanos);
    }

    /** What is left; zero or negative once the deadline has passed. */
    public Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    public boolean hasPassed() {
        return deadlineNanos - System.nanoTime() <= 0;
    }

    @Override
    public String toString() {
        return "CallDeadline[remaining=" + remaining().toMillis() + "ms]";
    }
}
