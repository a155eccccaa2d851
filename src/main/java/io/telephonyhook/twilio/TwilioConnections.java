package io.telephonyhook.twilio;

import java.io.IOException;
import java.time.Duration;

/**
 * The hook's connections to Twilio: a connection pool ({@link TwilioTransport}) and its deadline-bound clients for
 * each account, the primary's and the failover's when there is one. Close it with the host.
 */
public final class TwilioConnections implements AutoCloseable {

    private final TwilioTransport primaryTransport;
    private final TwilioTransport failoverTransport;
    private final TwilioClients primary;
    private final TwilioClients failover;

    /** @param failover null: no failover account */
    public TwilioConnections(TwilioAccount primary, TwilioAccount failover, Duration connectTimeout,
                             TwilioRequestListener listener) {
        this.primaryTransport = new TwilioTransport(primary.apiUrl(), connectTimeout);
        this.primary = new TwilioClients(primary, primaryTransport, listener);
        this.failoverTransport = failover == null ? null : new TwilioTransport(failover.apiUrl(), connectTimeout);
        this.failover = failover == null ? TwilioClients.none()
                : new TwilioClients(failover, failoverTransport, listener);
    }

    public TwilioClients primary() {
        return primary;
    }

    /** The failover account's clients; {@link TwilioClients#none()} without one. */
    public TwilioClients failover() {
        return failover;
    }

    public boolean hasFailover() {
        return failoverTransport != null;
    }

    @Override
    public void close() throws IOException {
        try {
            primaryTransport.close();
        } finally {
            if (failoverTransport != null) {
                failoverTransport.close();
            }
        }
    }
}
