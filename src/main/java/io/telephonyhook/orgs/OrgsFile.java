package io.telephonyhook.orgs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.telephonyhook.config.EditableYamlFile;
import io.telephonyhook.config.EditableYamlFile.Entry;
import io.telephonyhook.config.EditableYamlFile.Text;
import io.telephonyhook.config.InvalidSettingsException;

/**
 * {@code HOOK_ORGS_FILE}: the Okta orgs one hook serves, by a short id (docs/orgs.md). Each org's fields are settings of
 * the hook for that org only:
 * <pre>
 * acme-prod:
 *   okta-org: https://acme.okta.com            # Okta's source must be this org (optional)
 *   auth-header: Authorization
 *   auth-secret-env: ACME_PROD_HOOK_SECRET     # the secret's environment variable; or auth-secret-file: /run/...
 *   twilio-account-sid: AC…                    # its own Twilio account (else the hook's TWILIO_ one)
 *   twilio-auth-token-env: ACME_TWILIO_TOKEN
 *   twilio-from-number: "+14155550100"
 *   allowed-countries: US,CA
 *   rate-limit-per-number: 5/10m
 * </pre>
 * Secrets are never in the file: a {@code …-env} field names the environment variable that holds one, a
 * {@code …-file} field the file. Anything wrong stops the start (or, once running, the reload) in one line naming the
 * file and the line.
 */
public final class OrgsFile {

    public static final String VARIABLE = "HOOK_ORGS_FILE";
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** The names of the hook's own Twilio accounts (an org's own account is named after the org). */
    private static final List<String> RESERVED = List.of("primary", "failover");

    /** The org's own fields and the setting of the hook each stands for, for that org. */
    static final Map<String, String> SETTINGS = settings();
    /** The fields that hold a secret: given only as {@code name-env} or {@code name-file}. */
    static final List<String> SECRETS = List.of("auth-secret", "auth-secret-previous", "twilio-auth-token",
            "failover-auth-token");

    /**
     * One org as the file gives it: its id, Okta's origin (or null), its settings by the hook's keys (secrets read),
     * and where it is written, for refusals.
     */
    public record OrgDefinition(String id, String oktaOrigin, Map<String, String> settings, Path file, int line) {

        /** Without the settings, which hold secrets: a record's default toString would print them. */
        @Override
        public String toString() {
            return "OrgDefinition[" + id + ", oktaOrigin=" + oktaOrigin + ", " + file + " line " + line + "]";
        }

        /** Whether this is the same org, with the same settings, wherever it is written in the file. */
        public boolean sameAs(OrgDefinition other) {
            return other != null && id.equals(other.id) && Objects.equals(oktaOrigin, other.oktaOrigin)
                    && settings.equals(other.settings) && file.equals(other.file);
        }

        /** A refusal of this org, in one line naming the file and the org's line. */
        public InvalidSettingsException refusal(String reason) {
            return new InvalidSettingsException(VARIABLE + " " + file + " line " + line + ": " + id + ": " + reason);
        }
    }

    private OrgsFile() {
    }

    /**
     * @param environment the process's environment variables, for the {@code …-env} fields
     * @throws io.telephonyhook.config.InvalidSettingsException naming the file and the line of the first mistake
     */
    public static List<OrgDefinition> read(Path path, Function<String, String> environment) {
        List<String> fields = new ArrayList<>(SETTINGS.keySet());
        fields.removeAll(SECRETS); // never in the file itself
        fields.add("okta-org");
        SECRETS.forEach(secret -> {
            fields.add(secret + "-env");
            fields.add(secret + "-file");
        });
        EditableYamlFile file = EditableYamlFile.read(VARIABLE, path, "org id (like acme-prod)", fields);
        List<OrgDefinition> orgs = new ArrayList<>();
        for (Entry entry : file.entries()) {
            String id = entry.key().value();
            if (RESERVED.contains(id) || id.endsWith("-failover")) {
                throw file.refusal(entry.key().line(), "'" + id + "' is a name the hook keeps for its Twilio accounts:"
                        + " choose another org id");
            }
            if (!ORG_ID.matcher(id).matches()) {
                throw file.refusal(entry.key().line(), "'" + id + "' is not an org id: lower-case letters, digits and"
                        + " dashes, at most 63, like acme-prod (it is the end of the org's URL)");
            }
            if (orgs.stream().anyMatch(org -> org.id().equals(id))) {
                throw file.refusal(entry.key().line(), "'" + id + "' is listed twice");
            }
            orgs.add(org(file, path, id, entry, environment));
        }
        if (orgs.isEmpty()) {
            throw file.refusal("lists no org");
        }
        return orgs;
    }

    /** Whether two readings say the same: a comment, or the order of an org's fields, changes nothing. */
    static boolean same(List<OrgDefinition> read, List<OrgDefinition> before) {
        if (read.size() != before.size()) {
            return false;
        }
        for (int i = 0; i < read.size(); i++) {
            if (!read.get(i).sameAs(before.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static OrgDefinition org(EditableYamlFile file, Path path, String id, Entry entry,
                                     Function<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        entry.fields().forEach((field, value) -> {
            if (SETTINGS.containsKey(field) && !SECRETS.contains(field)) {
                settings.put(SETTINGS.get(field), value.value());
            }
        });
        for (String secret : SECRETS) {
            Text variable = entry.fields().get(secret + "-env");
            Text secretFile = entry.fields().get(secret + "-file");
            if (variable != null && secretFile != null) {
                throw file.refusal(variable.line(), id + " gives both " + secret + "-env and " + secret + "-file");
            }
            if (variable != null) {
                String value = environment.apply(variable.value());
                if (value == null || value.isBlank()) {
                    throw file.refusal(variable.line(), id + "'s " + secret + "-env names " + variable.value()
                            + ", which is not set");
                }
                settings.put(SETTINGS.get(secret), value.strip());
            } else if (secretFile != null) {
                settings.put(SETTINGS.get(secret), secret(file, id, secret, secretFile));
            }
        }
        boolean credentials = settings.containsKey("okta.hook.auth.secret")
                || settings.containsKey("okta.hook.oauth.issuer");
        if (!credentials) {
            throw file.refusal(entry.key().line(), id + " has no credentials: give auth-secret-env (or -file), or"
                    + " oauth-issuer with oauth-scope or oauth-client-id");
        }
        Text origin = entry.fields().get("okta-org");
        if (!settings.containsKey("twilio.account-sid") && settings.keySet().stream()
                .anyMatch(key -> key.startsWith("twilio.failover."))) {
            throw file.refusal(entry.key().line(), id + " gives a failover account without twilio-account-sid: an org"
                    + " on the hook's own Twilio account has the hook's failover account (TWILIO_FAILOVER_*)");
        }
        return new OrgDefinition(id, origin == null ? null : OktaOrigin.of(file, origin), settings, path,
                entry.key().line());
    }

    private static String secret(EditableYamlFile file, String id, String secret, Text path) {
        try {
            String value = Files.readString(Path.of(path.value()), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw file.refusal(path.line(), id + "'s " + secret + "-file " + path.value() + " is empty");
            }
            return value;
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof InvalidSettingsException refused) {
                throw refused;
            }
            throw file.refusal(path.line(), id + "'s " + secret + "-file " + path.value() + " cannot be read");
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("auth-header", "okta.hook.auth.header");
        settings.put("auth-secret", "okta.hook.auth.secret");
        settings.put("auth-secret-previous", "okta.hook.auth.secret-previous");
        for (String oauth : List.of("issuer", "jwks-url", "audience", "scope", "client-id")) {
            settings.put("oauth-" + oauth, "okta.hook.oauth." + oauth);
        }
        for (String twilio : List.of("account-sid", "auth-token", "api-key", "api-url", "from-number",
                "messaging-service-sid", "region", "edge")) {
            settings.put("twilio-" + twilio, "twilio." + twilio);
            settings.put("failover-" + twilio, "twilio.failover." + twilio);
        }
        settings.put("senders-file", "hook.senders-file");
        settings.put("wording-file", "hook.wording-file");
        settings.put("allowed-countries", "hook.allowed-countries");
        settings.put("rate-limit-per-number", "hook.rate-limit.per-number");
        settings.put("rate-limit-per-country", "hook.rate-limit.per-country");
        return settings;
    }
}
