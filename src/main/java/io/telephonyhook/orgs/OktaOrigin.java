package io.telephonyhook.orgs;

import java.net.URI;
import java.util.Locale;

import io.telephonyhook.config.EditableYamlFile;
import io.telephonyhook.config.EditableYamlFile.Text;

/**
 * An Okta org's origin ({@code https://acme.okta.com}), as an org's {@code okta-org} gives it, and whether Okta's
 * {@code source} (the hook's URL at Okta, {@code https://acme.okta.com/api/v1/inlineHooks/cal…}) is of it.
 */
final class OktaOrigin {

    private OktaOrigin() {
    }

    /** The origin an {@code okta-org} field gives: scheme, host and port, lower case, no path. */
    static String of(EditableYamlFile file, Text field) {
        try {
            URI uri = URI.create(field.value().strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not https");
            }
            return origin(uri);
        } catch (IllegalArgumentException notAnOrigin) {
            throw file.refusal(field.line(), "okta-org '" + field.value() + "' is not an Okta org's https URL, like"
                    + " https://acme.okta.com");
        }
    }

    /** Whether Okta's {@code source} names a URL of this origin; false for a source that is not a URL. */
    static boolean matches(String origin, String source) {
        if (source == null) {
            return false;
        }
        try {
            return origin.equals(origin(URI.create(source.strip())));
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
