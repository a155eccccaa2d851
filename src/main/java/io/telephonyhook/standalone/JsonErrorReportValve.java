package io.telephonyhook.standalone;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word on a request it refused before the application saw it (a malformed request line, an oversized
 * header, a bad encoding): Okta's error object as JSON, in place of Tomcat's HTML report. Never a stack trace.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection cannot carry a report any more
        }
        String summary = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 413 -> "Payload too large";
            case 501 -> "Not implemented";
            default -> "HTTP " + status;
        };
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":{\"errorSummary\":\"" + summary + "\",\"errorCauses\":[{\"errorSummary\":\""
                        + summary + "\",\"reason\":\"HTTP_" + status + "\",\"domain\":\"telephonyHook\"}]}}");
                writer.flush();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the connection is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
