package io.telephonyhook.okta;

/**
 * What Okta gets for one call: an HTTP status and the JSON body (Okta's command, or its error object). The route
 * writes both from this one value, so a status cannot be lost or mixed with another call's body.
 *
 * @param httpStatus 200 for a command, 4xx for a refusal
 * @param body       {@link OktaCommandResponse} or {@link OktaErrorResponse}, written as JSON
 */
public record OktaAnswer(int httpStatus, Object body) {
}
