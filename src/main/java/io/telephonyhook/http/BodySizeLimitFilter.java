package io.telephonyhook.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.RequestTooLargeException;

/**
 * Reads a request's body up to {@code HOOK_MAX_BODY} and refuses a larger one with 413. Okta's requests are about
 * 1 KB; without a cap a caller could make the hook buffer any amount, and Tomcat's own limit covers only forms. A
 * declared Content-Length over the limit is refused unread; a chunked body is read up to the limit and no further.
 * It runs after {@link AuthenticationGateFilter}, so only Okta's calls get this far.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final CallMetrics metrics;

    public BodySizeLimitFilter(long maxBytes, CallMetrics metrics) {
        this.maxBytes = maxBytes;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        OktaErrorWriter.refuse(response, new RequestTooLargeException(maxBytes), metrics);
    }
}
