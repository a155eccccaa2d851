package io.telephonyhook.spring;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import io.telephonyhook.config.Settings;
import io.telephonyhook.twilio.StatusCallbacks;

/**
 * Okta's calls and Twilio's status reports are measured once, by the hook's own meters
 * ({@code telephony_hook_call_duration_seconds}, {@code telephony_hook_calls_total},
 * {@code telephony_hook_deliveries_total}, docs/operations.md), not a second time by Spring MVC's
 * {@code http_server_requests} observation, whose timer and tags cost about 5 % of the hook's CPU per call. Every other
 * path of the application (its own endpoints, the simulator) is observed as Spring Boot does by default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ObservationPredicate.class, ServerRequestObservationContext.class})
class HookPathObservations {

    @Bean
    ObservationPredicate telephonyHookPathsMeasuredOnce(Settings settings, Environment environment) {
        String hookPath = HookServletGuardsConfiguration.hookPath(settings, environment);
        String statusPath = HookServletGuardsConfiguration.onThePath(StatusCallbacks.PATH, environment);
        return (name, context) -> {
            if (!(context instanceof ServerRequestObservationContext server)) {
                return true;
            }
            HttpServletRequest request = server.getCarrier();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !(path.equals(hookPath) || path.startsWith(hookPath + "/") || path.equals(statusPath));
        };
    }
}
