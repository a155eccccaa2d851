package io.telephonyhook.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The URL settings' rules, each refusal one line naming the variable. */
final class Urls {

    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private Urls() {
    }

    /** HOOK_PUBLIC_URL: {@code https://hooks.example.com} (or {@code http://} on loopback), no trailing slash. */
    static URI publicUrl(String text) {
        if (text == null) {
            return null;
        }
        URI url;
        try {
            url = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidSettingsException("HOOK_PUBLIC_URL is not a URL like https://hooks.example.com.");
        }
        boolean loopback = "localhost".equals(url.getHost()) || "127.0.0.1".equals(url.getHost());
        if (url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()) && loopback)
                || url.getQuery() != null || url.getFragment() != null) {
            throw new InvalidSettingsException("HOOK_PUBLIC_URL must be https://host[:port][/path] (http:// only on"
                    + " loopback), with no query: Twilio signs the exact URL it calls.");
        }
        return url;
    }

    /** An http(s) URL with a host, or a one-line refusal naming {@code variable}. */
    static URI absolute(String value, String variable) {
        try {
            URI url = new URI(value);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException unreadable) {
            // the same one-line refusal as for any other value that is not an http(s) URL
        }
        throw new InvalidSettingsException(variable + " is not an http(s) URL with a host, like"
                + " https://{yourOktaDomain}/oauth2/default.");
    }

    /**
     * True for {@code localhost} and the loopback address literals (127.0.0.0/8, ::1). Names other than localhost are
     * not resolved: what a name resolves to can change after the check.
     */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equals(literal.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(literal).matches() && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
