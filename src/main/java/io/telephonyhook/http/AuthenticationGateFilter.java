package io.telephonyhook.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.telephonyhook.auth.CredentialCheck;
import io.telephonyhook.auth.HookAuthenticationException;
import io.telephonyhook.auth.HookAuthenticator;
import io.telephonyhook.observability.CallMetrics;

/**
 * Answers a POST without Okta's secret 401 before its body is read. Camel's HTTP binding reads a body whole before
 * the route's first step runs, so without this gate a caller without the secret could hold a worker thread for as
 * long as it takes to send a body slowly. The route still authenticates every call itself (so the YAML stays safe
 * wherever it runs); this gate only makes the refusal cheap.
 */
public class AuthenticationGateFilter extends PostFilter {

    private final HookAuthenticator authenticator;
    private final CallMetrics metrics;

    public AuthenticationGateFilter(HookAuthenticator authenticator, CallMetrics metrics) {
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CredentialCheck check = authenticator.check(request::getHeader);
        if (!check.accepted()) {
            OktaErrorWriter.refuse(response, new HookAuthenticationException(check.refusal()), metrics);
            return;
        }
        chain.doFilter(request, response);
    }
}
