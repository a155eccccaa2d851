package io.telephonyhook.auth;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import io.telephonyhook.observability.CallMetrics;

/**
 * Checks that a call comes from Okta, with every credential the hook is configured for: the header secret (and the
 * previous one during a rotation), an OAuth 2.0 access token, or both while an org moves from one to the other. A
 * call is accepted when any of them passes, and counted by the credential it used.
 *
 * <p>The check is a step of the route itself, so the YAML stays safe wherever it runs, and it reads headers only:
 * it runs before the body is used. Hosts that can also run it before the body is read (the standalone application's
 * servlet gate) call {@link #check(Function)}.
 */
public class HookAuthenticator implements Processor, AutoCloseable {

    private final List<CallerCredential> credentials;
    private final CallMetrics metrics;
    private final String org;

    public HookAuthenticator(List<CallerCredential> credentials, CallMetrics metrics) {
        this(credentials, metrics, null);
    }

    /** @param org the id of the org whose credentials these are ({@code HOOK_ORGS_FILE}); null for the hook's one org */
    public HookAuthenticator(List<CallerCredential> credentials, CallMetrics metrics, String org) {
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("at least one credential is required");
        }
        this.credentials = List.copyOf(credentials);
        this.metrics = metrics;
        this.org = org;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        CredentialCheck check = check(name -> message.getHeader(name, String.class));
        if (!check.accepted()) {
            throw new HookAuthenticationException(check.refusal());
        }
        metrics.authenticated(check.credential(), org);
    }

    /** Stops what a credential runs in the background (OAuth's key refresh). */
    @Override
    public void close() {
        for (CallerCredential credential : credentials) {
            if (credential instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception unexpected) {
                    throw new IllegalStateException("could not close " + credential.getClass().getSimpleName(),
                            unexpected);
                }
            }
        }
    }

    /** Accepted with the first credential that passes; refused with every credential's reason otherwise. */
    public CredentialCheck check(Function<String, String> header) {
        StringJoiner reasons = new StringJoiner("; ");
        for (CallerCredential credential : credentials) {
            CredentialCheck check = credential.check(header);
            if (check.accepted()) {
                return check;
            }
            reasons.add(check.refusal());
        }
        return CredentialCheck.refused(reasons.toString());
    }
}
