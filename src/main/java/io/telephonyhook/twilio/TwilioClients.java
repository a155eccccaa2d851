package io.telephonyhook.twilio;

import java.time.Duration;
import java.util.function.Supplier;

import com.twilio.http.TwilioRestClient;
import org.apache.camel.ExchangeProperty;
import org.slf4j.MDC;

import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.observability.CallLog;

/**
 * Twilio clients bound to a call's deadline. The delivery routes hand one to camel-twilio per call (header
 * {@code CamelTwilio.client}); it is a few small objects over the one shared {@link TwilioTransport}.
 */
public class TwilioClients {

    private final TwilioAccount account;
    private final TwilioTransport transport;
    private final TwilioRequestListener listener;

    public TwilioClients(TwilioAccount account, TwilioTransport transport, TwilioRequestListener listener) {
        this.account = account;
        this.transport = transport;
        this.listener = listener;
    }

    /**
     * For one call: every request it makes ends by the call's deadline, and whatever is logged while it runs (on
     * camel-twilio's own threads) carries the call's eventId.
     */
    public TwilioRestClient withinDeadline(@ExchangeProperty("deadline") CallDeadline deadline) {
        return client(() -> deadline, MDC.get(CallLog.EVENT_ID));
    }

    /** For requests that belong to no call: each gets {@code budget} from when it starts. */
    public TwilioRestClient withBudgetPerRequest(Duration budget) {
        return client(() -> CallDeadline.after(System.nanoTime(), budget), null);
    }

    /** The account these clients send through. */
    public TwilioAccount account() {
        return account;
    }

    private TwilioRestClient client(Supplier<CallDeadline> deadlines, String eventId) {
        if (account == null) {
            throw new IllegalStateException("no failover account (TWILIO_FAILOVER_ACCOUNT_SID is not set)");
        }
        return new TwilioRestClient.Builder(account.username(), account.password())
                .accountSid(account.accountSid())
                .region(account.region())
                .edge(account.edge())
                .httpClient(new DeadlineBoundHttpClient(transport, deadlines, account.name(), listener, eventId))
                .build();
    }

    /** For a failover account that is not there: never used, as the failover is never tried; refuses if it were. */
    public static TwilioClients none() {
        return new TwilioClients(null, null, TwilioRequestListener.NONE);
    }
}
