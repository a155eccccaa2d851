package io.telephonyhook.standalone;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.telephonyhook.auth.HookAuthenticationException;
import io.telephonyhook.okta.OktaErrorResponse;

/**
 * Replaces Spring Boot's error page for requests that never reach the route (an unknown path, a wrong method, a
 * body over the limit, a hook shutting down, a server fault): the answer is Okta's error object as JSON, whatever
 * the caller accepts. Never an HTML page, never a stack trace.
 */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<OktaErrorResponse> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        OktaErrorResponse body = status == HttpStatus.UNAUTHORIZED
                ? HookAuthenticationException.unauthenticated()
                : OktaErrorResponse.of(status.getReasonPhrase(), status.getReasonPhrase(), status.name(), null, null);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
