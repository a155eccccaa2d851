package io.telephonyhook.orgs;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

import io.telephonyhook.StepExpression;
import io.telephonyhook.auth.CredentialCheck;
import io.telephonyhook.auth.HeaderSecrets;
import io.telephonyhook.auth.HookAuthenticationException;
import io.telephonyhook.okta.OtpRequest;
import io.telephonyhook.pumping.PumpingGuard;

/**
 * The orgs the hook serves now, the route bean {@value OrgSteps#HOOK_ORGS}: it picks each call's org from the end of
 * its URL ({@code HOOK_PATH/<id>}), and with an orgs file refuses what is not one of its orgs' calls exactly as a wrong
 * secret is refused: 401, the same body, and the same work done first, so neither the answer nor its timing tells
 * which orgs exist. Without an orgs file it serves the hook's one org on {@code HOOK_PATH} alone.
 */
public final class OrgDirectory implements AutoCloseable, StepExpression {

    /** The exchange property that holds the call's {@link Org}. */
    public static final String ORG = "org";
    private static final Pattern PRINTABLE_ID = Pattern.compile("[a-z0-9-]{1,63}");

    private final Org single;
    private final PumpingGuard acrossOrgs;
    /** A credential no caller has: an unknown org's call is checked against it, as a known org's against its own. */
    private final HeaderSecrets nobody = new HeaderSecrets("Authorization", random(), random());
    private volatile Map<String, Org> orgs = Map.of();
    /** With an orgs file: what follows its changes. */
    private OrgsFileWatch watch;

    private OrgDirectory(Org single, PumpingGuard acrossOrgs) {
        this.single = single;
        this.acrossOrgs = acrossOrgs;
    }

    /** Without an orgs file: the hook's one org. */
    static OrgDirectory single(Org org) {
        return new OrgDirectory(org, null);
    }

    /** With an orgs file: its orgs, and the hook's own limits over all of them (null when it sets none). */
    static OrgDirectory of(List<Org> orgs, PumpingGuard acrossOrgs) {
        OrgDirectory directory = new OrgDirectory(null, acrossOrgs);
        directory.replace(orgs);
        return directory;
    }

    /** The route's {@code org}: {@link #select}. */
    @Override
    public Object evaluate(Exchange exchange) {
        return select(exchange.getMessage().getHeader("orgId", String.class), exchange);
    }

    /**
     * The route's first step: the org the call is for. Without an orgs file, the hook's one org on {@code HOOK_PATH}
     * (a call to {@code HOOK_PATH/<anything>} is refused); with one, the org whose id ends the URL.
     *
     * @throws HookAuthenticationException (401) for an id that is not one of the orgs', or none
     */
    public Org select(@Header("orgId") String id, Exchange exchange) {
        Org org = find(id);
        if (org == null) {
            nobody.check(name -> exchange.getMessage().getHeader(name, String.class));
            throw new HookAuthenticationException(unknown(id));
        }
        return org;
    }

    /** For the hosts' gates before the body is read: the org's own credentials, or a refusal as the route's. */
    public CredentialCheck check(String id, Function<String, String> header) {
        Org org = find(id);
        if (org == null) {
            nobody.check(header);
            return CredentialCheck.refused(unknown(id));
        }
        return org.authenticator().check(header);
    }

    /**
     * After the body is read: Okta's {@code source} (the hook's URL at the Okta org that called) must be of the org's
     * {@code okta-org}, when the orgs file gives one.
     *
     * @throws HookAuthenticationException (401) when it names another Okta org, or none
     */
    public void checkSource(@ExchangeProperty(ORG) Org org, @ExchangeProperty("otpRequest") OtpRequest request) {
        String origin = org == null || org.definition() == null ? null : org.definition().oktaOrigin();
        if (origin != null && !OktaOrigin.matches(origin, request.source())) {
            throw new HookAuthenticationException("Okta's source is not " + org.getId() + "'s Okta org " + origin);
        }
    }

    /** The call's org, as the route picked it. */
    Org of(Exchange exchange) {
        Org org = exchange.getProperty(ORG, Org.class);
        if (org != null) {
            return org;
        }
        if (single != null) {
            return single;
        }
        throw new HookAuthenticationException("no org picked for the call (the route has no hookOrgs.select step)");
    }

    /** The hook's own limits, counting every org's codes; null without an orgs file or without such limits. */
    PumpingGuard acrossOrgs() {
        return acrossOrgs;
    }

    /** Whether the hook serves the orgs of an orgs file. */
    public boolean byOrg() {
        return single == null;
    }

    /** The orgs served now. */
    Collection<Org> orgs() {
        return single != null ? List.of(single) : orgs.values();
    }

    void watchedBy(OrgsFileWatch fileWatch) {
        this.watch = fileWatch;
    }

    /**
     * Adds the routes of the orgs' own Twilio accounts to Camel, once the hook's routes (and their template) are
     * loaded, and from then on as the orgs file changes; nothing without an orgs file.
     */
    public void installRoutes(CamelContext camel, MeterRegistry meters) {
        if (watch != null) {
            watch.useRoutes(new OrgRoutes(camel, meters));
        }
    }

    /** Stops following the orgs file and closes every org (OAuth key refresh, their own Twilio connections). */
    @Override
    public void close() throws Exception {
        if (watch != null) {
            watch.close();
        }
        for (Org org : orgs()) {
            org.close();
        }
    }

    /** From now on, these orgs: calls under way keep the org they started with. */
    void replace(List<Org> served) {
        Map<String, Org> byId = new LinkedHashMap<>();
        served.forEach(org -> byId.put(org.getId(), org));
        this.orgs = Map.copyOf(byId);
    }

    private Org find(String id) {
        if (single != null) {
            return id == null || id.isEmpty() ? single : null;
        }
        return id == null ? null : orgs.get(id);
    }

    /** The log's reason; an id that is not one is not written as sent. */
    private String unknown(String id) {
        if (single != null) {
            return "an org id in the URL, and HOOK_ORGS_FILE is not set: the hook's URL is HOOK_PATH alone";
        }
        if (id == null || id.isEmpty()) {
            return "no org id in the URL (HOOK_ORGS_FILE is set: each org has its own URL)";
        }
        return PRINTABLE_ID.matcher(id).matches() ? "no org " + id + " in HOOK_ORGS_FILE" : "not an org id in the URL";
    }

    private static String random() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
