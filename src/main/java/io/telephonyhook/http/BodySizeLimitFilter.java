package io.telephonyhook.http;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.RequestTimeoutException;
import io.telephonyhook.okta.RequestTooLargeException;

/**
 * Reads an Okta call's body up to {@code HOOK_MAX_BODY}, all of it by the call's deadline ({@code HOOK_DEADLINE} after
 * arrival), with {@link BoundedBody}: a larger body is refused 413, a late one 408 and the connection closed. Okta's
 * requests are about 1 KB and sent at once. It runs after {@link AuthenticationGateFilter}, so only Okta's calls get
 * this far.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Duration deadline;
    private final CallMetrics metrics;

    /** @param deadline how long after arrival the whole body must be in ({@code HOOK_DEADLINE}) */
    public BodySizeLimitFilter(long maxBytes, Duration deadline, CallMetrics metrics) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BoundedBody.Read body = BoundedBody.read(request, maxBytes, deadline);
        switch (body.outcome()) {
            case TOO_LARGE -> OktaErrorWriter.refuse(response, new RequestTooLargeException(maxBytes), metrics);
            case LATE -> {
                response.setHeader("Connection", "close"); // the rest of a trickled body is not worth waiting for
                OktaErrorWriter.refuse(response, new RequestTimeoutException(), metrics);
            }
            case READ -> chain.doFilter(new BufferedBodyRequest(request, body.bytes()), response);
        }
    }
}
