package io.telephonyhook.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.telephonyhook.auth.CredentialCheck;
import io.telephonyhook.auth.HookAuthenticationException;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.orgs.OrgDirectory;

/**
 * Answers a POST without Okta's secret 401 before its body is read. Camel's HTTP binding reads a body whole before
 * the route's first step runs, so without this gate a caller without the secret could hold a worker thread for as
 * long as it takes to send a body slowly. The route still authenticates every call itself (so the YAML stays safe
 * wherever it runs); this gate only makes the refusal cheap. With an orgs file, the org is the end of the path
 * ({@code HOOK_PATH/<org id>}), and only that org's credentials pass.
 */
public class AuthenticationGateFilter extends PostFilter {

    private final OrgDirectory orgs;
    private final String hookPath;
    private final CallMetrics metrics;

    /** @param hookPath the hook's path on the server (the REST DSL's context path, then HOOK_PATH) */
    public AuthenticationGateFilter(OrgDirectory orgs, String hookPath, CallMetrics metrics) {
        this.orgs = orgs;
        this.hookPath = hookPath;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CredentialCheck check = orgs.check(orgId(request), request::getHeader);
        if (!check.accepted()) {
            OktaErrorWriter.refuse(response, new HookAuthenticationException(check.refusal()), metrics);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The org id the path ends with ({@code HOOK_PATH/<org id>}); null for the hook's path itself. */
    private String orgId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(hookPath)) {
            return null;
        }
        return path.startsWith(hookPath + "/") ? path.substring(hookPath.length() + 1) : "";
    }
}
