package io.telephonyhook.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three Okta orgs on one hook, as an integration team would write them in {@code HOOK_ORGS_FILE}: each with its own
 * Twilio account (a {@link TwilioStandIn} of its own, as strict as Twilio) and sender.
 * <ul>
 *   <li>{@code acme}: a header secret read from a file, Okta org {@code https://acme.okta.com}, at most
 *       {@value #ACME_LIMIT} codes per number in ten minutes;
 *   <li>{@code beta}: a header secret in its own header, from an environment variable or a file;
 *   <li>{@code gamma}: OAuth 2.0 access tokens of an authorization server on loopback ({@link OktaAuthorizationServer}).
 * </ul>
 * Secrets live in files of a directory of their own, never in the orgs file. Close it to stop the stand-ins.
 */
public final class ThreeOrgs implements AutoCloseable {

    public static final String ACME_SECRET = "Basic YWNtZTphY21lLXNlY3JldA==";
    public static final String BETA_HEADER = "X-Beta-Hook-Secret";
    public static final String BETA_SECRET = "beta-secret-0123456789";
    public static final String BETA_ROTATED_SECRET = "beta-secret-rotated-9876543210";
    public static final String BETA_SECRET_VARIABLE = "BETA_HOOK_SECRET";
    public static final String ACME_FROM = "+15005550101";
    public static final String BETA_FROM = "+15005550102";
    public static final String GAMMA_FROM = "+15005550103";
    public static final String ACME_ORIGIN = "https://acme.okta.com";
    public static final int ACME_LIMIT = 2;

    public final TwilioStandIn acme = TwilioStandIn.startFor("AC" + "a".repeat(32), "acme-twilio-token");
    public final TwilioStandIn beta = TwilioStandIn.startFor("AC" + "b".repeat(32), "beta-twilio-token");
    public final TwilioStandIn gamma = TwilioStandIn.startFor("AC" + "c".repeat(32), "gamma-twilio-token");
    public final OktaAuthorizationServer gammaOkta = OktaAuthorizationServer.start();
    private final Path directory;
    private final Path file;
    private final boolean betaFromEnvironment;

    /** @param betaFromEnvironment beta's secret in {@value #BETA_SECRET_VARIABLE} (a process of its own), else a file */
    public ThreeOrgs(boolean betaFromEnvironment) {
        this.betaFromEnvironment = betaFromEnvironment;
        try {
            directory = Files.createTempDirectory("orgs");
            file = directory.resolve("orgs.yaml");
            secret("acme-secret", ACME_SECRET);
            secret("acme-twilio-token", "acme-twilio-token");
            secret("beta-secret", BETA_SECRET);
            secret("beta-twilio-token", "beta-twilio-token");
            secret("gamma-twilio-token", "gamma-twilio-token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(orgs());
    }

    /** The orgs file's path: HOOK_ORGS_FILE. */
    public Path file() {
        return file;
    }

    /** The environment variables the orgs file names (beta's secret, when it is read from one). */
    public Map<String, String> environment() {
        return betaFromEnvironment ? Map.of(BETA_SECRET_VARIABLE, BETA_SECRET) : Map.of();
    }

    /** The three orgs, as the file lists them. */
    public String orgs() {
        return acmeEntry() + betaEntry(BETA_SECRET) + gammaEntry();
    }

    public String acmeEntry() {
        return """
                acme:
                  okta-org: %s
                  auth-secret-file: %s
                  twilio-account-sid: %s
                  twilio-auth-token-file: %s
                  twilio-api-url: %s
                  twilio-from-number: "%s"
                  rate-limit-per-number: %d/10m
                """.formatted(ACME_ORIGIN, directory.resolve("acme-secret"), acme.accountSid(),
                directory.resolve("acme-twilio-token"), acme.url(), ACME_FROM, ACME_LIMIT);
    }

    /** beta's entry; with a secret other than its first, that secret is in a file and the first is the previous. */
    public String betaEntry(String secret) {
        String credentials;
        if (!secret.equals(BETA_SECRET)) {
            this.secret("beta-secret-rotated", secret);
            credentials = "  auth-secret-file: " + directory.resolve("beta-secret-rotated") + "\n"
                    + "  auth-secret-previous-" + betaFirstSecret();
        } else {
            credentials = "  auth-secret-" + betaFirstSecret();
        }
        return """
                beta:
                  auth-header: %s
                %s
                  twilio-account-sid: %s
                  twilio-auth-token-file: %s
                  twilio-api-url: %s
                  twilio-from-number: "%s"
                """.formatted(BETA_HEADER, credentials, beta.accountSid(), directory.resolve("beta-twilio-token"),
                beta.url(), BETA_FROM);
    }

    private String betaFirstSecret() {
        return betaFromEnvironment ? "env: " + BETA_SECRET_VARIABLE : "file: " + directory.resolve("beta-secret");
    }

    public String gammaEntry() {
        return """
                gamma:
                  oauth-issuer: %s
                  oauth-jwks-url: %s
                  oauth-audience: %s
                  oauth-scope: %s
                  twilio-account-sid: %s
                  twilio-auth-token-file: %s
                  twilio-api-url: %s
                  twilio-from-number: "%s"
                """.formatted(gammaOkta.issuer(), gammaOkta.jwksUrl(), OktaAuthorizationServer.AUDIENCE,
                OktaAuthorizationServer.SCOPE, gamma.accountSid(), directory.resolve("gamma-twilio-token"),
                gamma.url(), GAMMA_FROM);
    }

    /** Replaces the orgs file at once (written beside it, then moved over it), as an editor or a deploy does. */
    public void write(String orgs) {
        try {
            Path next = directory.resolve("orgs.yaml.next");
            Files.writeString(next, orgs, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings by key for a hook serving the three orgs. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hook.orgs.file", file.toString());
        return settings;
    }

    private void secret(String name, String value) {
        try {
            Files.writeString(directory.resolve(name), value + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        acme.close();
        beta.close();
        gamma.close();
        gammaOkta.close();
    }
}
