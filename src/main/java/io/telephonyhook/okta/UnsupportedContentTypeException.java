package io.telephonyhook.okta;

/** The body is not declared as JSON. Okta always sends {@code application/json}; answered with HTTP 415. */
public class UnsupportedContentTypeException extends HookRefusal {

    public UnsupportedContentTypeException(String contentType) {
        super(415, "unsupported_media_type",
                "Content-Type " + (contentType == null ? "is missing" : "'" + contentType + "' is not JSON"));
    }

    @Override
    public OktaErrorResponse errorResponse() {
        return OktaErrorResponse.of("Unsupported media type", getMessage(), "UNSUPPORTED_MEDIA_TYPE", "header",
                "Content-Type");
    }
}
