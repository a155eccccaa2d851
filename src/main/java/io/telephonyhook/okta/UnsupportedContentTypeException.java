package io.telephonyhook.okta;

/** The body is not declared as JSON. Okta always sends {@code application/json}; answered with HTTP 415. */
public class UnsupportedContentTypeException extends RuntimeException {

    public UnsupportedContentTypeException(String contentType) {
        super("Content-Type " + (contentType == null ? "is missing" : "'" + contentType + "' is not JSON"), null,
                false, false);
    }
}
