package io.telephonyhook.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import io.telephonyhook.observability.CallLog;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.OktaErrorResponse;

/**
 * Writes Okta's error object from a servlet filter, itself: whatever error pages the application has (HTML, its own
 * JSON), a refusal on the hook's path is answered the way Okta documents.
 */
final class OktaErrorWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CallLog CALL_LOG = new CallLog();

    private OktaErrorWriter() {
    }

    /**
     * A refusal a gate makes before the route runs, answered, logged and counted exactly as the route's own refusal
     * path does (routes/error-handling.camel.yaml): the same {@link HookRefusal}, the same log line, the same meter.
     */
    static void refuse(HttpServletResponse response, HookRefusal refusal, CallMetrics metrics) throws IOException {
        CALL_LOG.refused(refusal);
        metrics.refusal(refusal);
        write(response, refusal.httpStatus(), refusal.errorResponse());
    }

    static void write(HttpServletResponse response, int status, OktaErrorResponse error) throws IOException {
        byte[] body = JSON.writeValueAsBytes(error);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
