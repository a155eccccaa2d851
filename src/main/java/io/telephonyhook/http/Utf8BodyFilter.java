package io.telephonyhook.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.MalformedHookRequestException;
import io.telephonyhook.okta.Utf8Body;

/**
 * Refuses a body whose bytes are not UTF-8 with 400, as the route's reader does ({@link Utf8Body}). Here it is not
 * only earlier but necessary: Camel's servlet binding hands the route the body as text, decoded with U+FFFD in place
 * of bad bytes, so in a Spring Boot host the route's own check never sees them. It runs after
 * {@link BodySizeLimitFilter}, which bounds what it reads, and after {@link JsonOnlyFilter}, which refused any charset
 * but UTF-8.
 */
public class Utf8BodyFilter extends PostFilter {

    private final CallMetrics metrics;

    public Utf8BodyFilter(CallMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // BodySizeLimitFilter, just before, has the body in memory already
        BufferedBodyRequest buffered = request instanceof BufferedBodyRequest read ? read
                : new BufferedBodyRequest(request, request.getInputStream().readAllBytes());
        String text;
        try {
            text = Utf8Body.decode(buffered.bytes());
        } catch (MalformedHookRequestException refused) {
            OktaErrorWriter.refuse(response, refused, metrics);
            return;
        }
        chain.doFilter(buffered.withText(text), response);
    }
}
