package io.telephonyhook.okta;

/**
 * The body is not declared as JSON, or is declared in a charset other than UTF-8 ({@link JsonMediaType}). Okta always
 * sends {@code application/json} in UTF-8; answered with HTTP 415 before the body is parsed.
 */
public class UnsupportedContentTypeException extends HookRefusal {

    private UnsupportedContentTypeException(String message) {
        super(415, "unsupported_media_type", message);
    }

    public static UnsupportedContentTypeException notJson(String contentType) {
        return new UnsupportedContentTypeException(
                "Content-Type " + (contentType == null ? "is missing" : "'" + contentType + "' is not JSON"));
    }

    /** Twilio's status reports are forms; the caller's content type is not quoted. */
    public static UnsupportedContentTypeException notForm() {
        return new UnsupportedContentTypeException("Content-Type is not application/x-www-form-urlencoded");
    }

    public static UnsupportedContentTypeException notUtf8(String charset) {
        return new UnsupportedContentTypeException("Content-Type charset '" + charset + "' is not UTF-8");
    }

    @Override
    public OktaErrorResponse errorResponse() {
        return OktaErrorResponse.of("Unsupported media type", getMessage(), "UNSUPPORTED_MEDIA_TYPE", "header",
                "Content-Type");
    }
}
