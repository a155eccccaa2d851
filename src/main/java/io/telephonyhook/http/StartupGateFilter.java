package io.telephonyhook.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.springframework.web.filter.OncePerRequestFilter;

import io.telephonyhook.HookRoutes;
import io.telephonyhook.okta.OktaErrorResponse;

/**
 * Answers 503 with Okta's error object until the hook's routes are started. Spring Boot opens the port before Camel
 * starts its routes, and until then the path is unknown: a call would get 404. A 503 makes Okta send the code through
 * its own providers at once, during a start or a rolling deploy. Once open, the gate stays open: a plain field read
 * per call. Readiness ({@code /actuator/health/readiness}) stays the orchestrator's signal.
 */
public class StartupGateFilter extends OncePerRequestFilter {

    private static final OktaErrorResponse STARTING = OktaErrorResponse.of("The telephony hook is starting",
            "The telephony hook is starting", "HTTP_503", null, null);

    private final CamelContext camel;
    private volatile boolean open;

    public StartupGateFilter(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!open && !(open = HookRoutes.started(camel))) {
            response.setHeader("Retry-After", "1");
            OktaErrorWriter.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, STARTING);
            return;
        }
        chain.doFilter(request, response);
    }
}
