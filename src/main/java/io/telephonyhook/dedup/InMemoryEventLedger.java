package io.telephonyhook.dedup;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.telephonyhook.delivery.DeliveryOutcome;

/**
 * This instance's eventIds, bounded in count and age (Caffeine evicts the oldest past {@code maxEvents}). A claim
 * puts a future in the map atomically; repeats wait on the first call's future.
 */
public final class InMemoryEventLedger implements EventLedger {

    private final Cache<String, CompletableFuture<DeliveryOutcome>> events;

    public InMemoryEventLedger(Duration ttl, int maxEvents) {
        this.events = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEvents)
                .build();
    }

    @Override
    public Earlier claim(String eventId, Duration maxWait) {
        CompletableFuture<DeliveryOutcome> mine = new CompletableFuture<>();
        CompletableFuture<DeliveryOutcome> first = events.asMap().putIfAbsent(eventId, mine);
        if (first == null) {
            return null;
        }
        try {
            return new Earlier(first.get(Math.max(0, maxWait.toMillis()), TimeUnit.MILLISECONDS));
        } catch (TimeoutException stillInFlight) {
            return new Earlier(null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Earlier(null);
        } catch (ExecutionException never) {
            return new Earlier(null); // futures here are only ever completed with a value
        }
    }

    @Override
    public void settle(String eventId, DeliveryOutcome outcome) {
        CompletableFuture<DeliveryOutcome> first = events.getIfPresent(eventId);
        if (first != null) {
            first.complete(outcome);
        } else {
            // evicted while in flight (more than maxEvents since): keep the outcome for later repeats all the same
            events.put(eventId, CompletableFuture.completedFuture(outcome));
        }
    }

    /** How many eventIds are kept now (for tests and health). */
    public long size() {
        events.cleanUp();
        return events.estimatedSize();
    }
}
