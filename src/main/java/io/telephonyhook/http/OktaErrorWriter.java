package io.telephonyhook.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import io.telephonyhook.okta.OktaErrorResponse;

/**
 * Writes Okta's error object from a servlet filter, itself: whatever error pages the application has (HTML, its own
 * JSON), a refusal on the hook's path is answered the way Okta documents.
 */
final class OktaErrorWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OktaErrorWriter() {
    }

    static void write(HttpServletResponse response, int status, OktaErrorResponse error) throws IOException {
        byte[] body = JSON.writeValueAsBytes(error);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
