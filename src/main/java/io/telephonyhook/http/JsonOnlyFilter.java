package io.telephonyhook.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.JsonMediaType;
import io.telephonyhook.okta.UnsupportedContentTypeException;

/**
 * Refuses a POST whose body is not declared as JSON with 415 before anything reads it. A form content type would
 * make the servlet container and Camel's HTTP consumer parse the body as parameters, and log it (the code and the
 * number with it) when that fails. The route refuses such a call too; this gate makes sure nothing reads it first.
 */
public class JsonOnlyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("telephony-hook");

    private final CallMetrics metrics;

    public JsonOnlyFilter(CallMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!JsonMediaType.isJson(request.getContentType())) {
            UnsupportedContentTypeException refusal = new UnsupportedContentTypeException(request.getContentType());
            log.warn("status=415 reason=\"{}\"", refusal.getMessage());
            metrics.refused(refusal.metricReason());
            OktaErrorWriter.write(response, refusal.httpStatus(), refusal.errorResponse());
            return;
        }
        chain.doFilter(request, response);
    }
}
