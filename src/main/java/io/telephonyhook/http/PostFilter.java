package io.telephonyhook.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A guard for the POSTs of Okta and Twilio only: health probes, the demo's GET endpoints and any other method pass it
 * (the route answers them as it answers them).
 */
abstract class PostFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }
}
