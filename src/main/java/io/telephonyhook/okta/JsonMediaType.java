package io.telephonyhook.okta;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What counts as a body the hook reads: {@code application/json}, with or without parameters, or any
 * {@code application/*+json}, in UTF-8. JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1) and Okta
 * sends nothing else, so a declared charset must name UTF-8 (any case, or a name Java knows as UTF-8, such as
 * {@code utf8}); no charset means UTF-8. A body declared in another charset is refused rather than transcoded:
 * transcoding would be a second decoder, with its own idea of what a code's digits are, for calls that never come.
 */
public final class JsonMediaType {

    private JsonMediaType() {
    }

    /** Refuses, with 415, a body that is not declared as JSON or is declared in a charset other than UTF-8. */
    public static void requireUtf8Json(String contentType) {
        if (!isJson(contentType)) {
            throw UnsupportedContentTypeException.notJson(contentType);
        }
        String[] parameters = contentType.split(";");
        for (int i = 1; i < parameters.length; i++) {
            String[] nameAndValue = parameters[i].split("=", 2);
            if (nameAndValue[0].strip().equalsIgnoreCase("charset")) {
                String charset = nameAndValue.length < 2 ? "" : unquoted(nameAndValue[1].strip());
                if (!namesUtf8(charset)) {
                    throw UnsupportedContentTypeException.notUtf8(charset);
                }
            }
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }

    /** A parameter value may be a quoted string (RFC 9110, section 5.6.6). */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static boolean namesUtf8(String charset) {
        try {
            return Charset.forName(charset).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknownOrIllegalName) {
            return false;
        }
    }
}
