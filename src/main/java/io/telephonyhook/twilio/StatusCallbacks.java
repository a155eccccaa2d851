package io.telephonyhook.twilio;

import java.net.URI;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Where Twilio reports what became of each message and call: {@code {HOOK_PUBLIC_URL}/twilio/status}. As a route step
 * it asks Twilio for the reports ({@code StatusCallback}; for calls Twilio's default, the final status); without
 * {@code HOOK_PUBLIC_URL} it asks for nothing, as before. The same URL is what Twilio signs its reports for, so
 * {@link TwilioStatusReports} checks signatures against it.
 *
 * <p>Demo mode needs no setting: the host gives the hook's own port on loopback once it knows it, and the simulator
 * reports there.
 */
public final class StatusCallbacks implements Processor {

    /** Where the reports arrive, on the hook's own port (routes/twilio-status.camel.yaml). */
    public static final String PATH = "/twilio/status";

    private volatile URI url;

    /** @param publicUrl {@code HOOK_PUBLIC_URL}, without a trailing slash; null for no reports */
    public StatusCallbacks(URI publicUrl) {
        this.url = publicUrl == null ? null : URI.create(publicUrl + PATH);
    }

    /** Demo mode without {@code HOOK_PUBLIC_URL}: the reports go to the hook's own port on loopback. */
    public void useLoopback(int port) {
        if (url == null) {
            url = URI.create("http://127.0.0.1:" + port + PATH);
        }
    }

    /** The URL Twilio reports to and signs for; null when there are no reports. */
    public URI url() {
        return url;
    }

    @Override
    public void process(Exchange exchange) {
        URI current = url;
        if (current != null) {
            exchange.getMessage().setHeader("CamelTwilio.statusCallback", current); // a URI: camel-twilio converts nothing
        }
    }
}
