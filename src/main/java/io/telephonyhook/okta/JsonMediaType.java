package io.telephonyhook.okta;

import java.util.Locale;

/** What counts as a JSON body: {@code application/json}, with or without parameters, or any {@code application/*+json}. */
public final class JsonMediaType {

    private JsonMediaType() {
    }

    public static boolean isJson(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }
}
