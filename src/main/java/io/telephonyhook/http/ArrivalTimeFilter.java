package io.telephonyhook.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes when a request arrived, before anything else runs (the body limit, queueing for a worker thread, the
 * route), so a call's deadline counts from the moment Okta's clock started too.
 */
public class ArrivalTimeFilter extends OncePerRequestFilter {

    /** Request attribute: the {@link System#nanoTime()} reading at arrival, a Long. */
    public static final String ARRIVED_AT = "telephonyHook.arrivedAtNanos";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ARRIVED_AT, System.nanoTime());
        chain.doFilter(request, response);
    }
}
