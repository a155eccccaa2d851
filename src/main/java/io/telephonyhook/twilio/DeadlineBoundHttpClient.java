package io.telephonyhook.twilio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.slf4j.MDC;

import io.telephonyhook.delivery.CallDeadline;

/**
 * The Twilio SDK's HTTP seam for one call, bounded by that call's {@link CallDeadline}.
 *
 * <ul>
 *   <li>Each attempt may take only what is left of the deadline, less a moment to write the answer; when that
 *       runs out the call fails with {@link TwilioDeadlineException} at once, so Okta gets FAILED in time.
 *   <li>The SDK's own retries (three tries, 100 ms apart, on any 5xx, whatever the time) are replaced by one retry
 *       of ours, only when Twilio cannot have sent the message and there is time: after a 503 or 429 (Twilio turned
 *       the request away), or when the request never left (connection refused, or not made in time). Not after other
 *       5xx (a 500, or a proxy's 502/504, may come after Twilio accepted it), a read timeout or a dropped connection:
 *       a second try could send the code twice.
 *   <li>A 2xx whose body cannot be read is still Twilio's acceptance: it is handed on as an empty resource, so the
 *       call is answered SUCCESSFUL (without a SID) rather than FAILED while the code is on its way.
 * </ul>
 * Failures carry short messages that name no host and quote no argument.
 */
public class DeadlineBoundHttpClient extends HttpClient {

    /** The pause before the retry, as the SDK's own. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    /** The least time worth giving a retry: a healthy Twilio answers in a few hundred milliseconds. */
    static final Duration RETRY_MINIMUM = Duration.ofMillis(300);
    /** Kept back from the deadline for what follows the wait: mapping, rendering and writing Okta's answer. */
    static final Duration ANSWER_RESERVE = Duration.ofMillis(100);

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] EMPTY_RESOURCE = "{}".getBytes(StandardCharsets.UTF_8);

    private final TwilioTransport transport;
    private final Supplier<CallDeadline> deadlines;
    private final String account;
    private final TwilioRequestListener listener;
    private final String eventId;

    /**
     * @param deadlines the deadline of the call a request belongs to, asked once per request
     * @param account   {@code primary} or {@code failover}, for the listener
     * @param eventId   the call's eventId, for the logging context of the thread making the request; may be null
     */
    public DeadlineBoundHttpClient(TwilioTransport transport, Supplier<CallDeadline> deadlines, String account,
                                   TwilioRequestListener listener, String eventId) {
        this.transport = transport;
        this.deadlines = deadlines;
        this.account = account;
        this.listener = listener;
        this.eventId = eventId;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        String before = MDC.get("eventId");
        if (eventId == null || eventId.equals(before)) {
            return requestWithinDeadline(request); // on the call's own thread, which already carries it
        }
        MDC.put("eventId", eventId);
        try {
            return requestWithinDeadline(request);
        } finally {
            if (before == null) {
                MDC.remove("eventId");
            } else {
                MDC.put("eventId", before);
            }
        }
    }

    private Response requestWithinDeadline(Request request) {
        CallDeadline deadline = deadlines.get();
        try {
            Response first = attempt(request, deadline, false);
            if (!isRetryable(first.getStatusCode()) || !timeForRetry(deadline)) {
                return first;
            }
        } catch (RequestNotSentException notSent) {
            if (!timeForRetry(deadline)) {
                throw notSent;
            }
        }
        pause();
        return attempt(request, deadline, true);
    }

    /** @param retry true when Twilio has already failed this request once: then a deadline counts against it */
    private Response attempt(Request request, CallDeadline deadline, boolean retry) {
        Duration left = deadline.remaining().minus(ANSWER_RESERVE);
        if (left.isNegative() || left.isZero()) {
            throw new TwilioDeadlineException("the call's deadline passed before Twilio was called", null, !retry);
        }
        // Twilio's API answers in a few hundred milliseconds; a first request that had less than half the call's time
        // ends at the deadline because the hook itself used the rest (queued under overload), not because of Twilio.
        boolean hookStarvedTwilio = !retry && left.compareTo(deadline.budget().dividedBy(2)) < 0;
        String channel = request.getUrl().endsWith("/Calls.json") ? "voice" : "sms";
        long start = System.nanoTime();
        String result = "error";
        try {
            TwilioTransport.Answer answer = transport.send(request, left);
            result = String.valueOf(answer.status());
            byte[] body = answer.body();
            if (answer.status() / 100 == 2 && !isJsonObject(body)) {
                body = EMPTY_RESOURCE;
            }
            // without headers: the SDK reads none of them, and their type is Apache HttpClient 4's in Twilio SDK 10
            // (Camel 4.10 and 4.14) and 5's in 11 (Camel 4.15 on); this runs on both
            return new Response(new ByteArrayInputStream(body == null ? new byte[0] : body), answer.status());
        } catch (TwilioTransport.NotSentException notSent) {
            result = "not_sent";
            throw new RequestNotSentException("could not connect to Twilio: " + notSent.getMessage(), notSent);
        } catch (TwilioTransport.TimedOutException slow) {
            result = "deadline";
            throw new TwilioDeadlineException("Twilio had not answered when the call's deadline came", slow,
                    hookStarvedTwilio);
        } catch (IOException failed) {
            throw new ApiConnectionException("Twilio request failed: " + failed.getClass().getSimpleName(), failed);
        } finally {
            listener.requestCompleted(account, channel, Duration.ofNanos(System.nanoTime() - start), result);
        }
    }

    private static boolean isJsonObject(byte[] body) {
        if (body == null) {
            return false;
        }
        // read through once without building a tree: the SDK parses it again into its resource
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            json.skipChildren(); // throws on a cut-off object, as reading the tree did; what follows it is not read
            return true;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static boolean isRetryable(int status) {
        return status == 503 || status == 429;
    }

    private static boolean timeForRetry(CallDeadline deadline) {
        return deadline.remaining().compareTo(RETRY_PAUSE.plus(RETRY_MINIMUM)) >= 0;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while waiting to retry Twilio", interrupted);
        }
    }

    /** The request never reached Twilio, so trying again cannot send the code twice. */
    static final class RequestNotSentException extends ApiConnectionException {

        RequestNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
