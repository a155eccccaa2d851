package io.telephonyhook.http;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.auth.HookAuthenticator;
import io.telephonyhook.config.HookProperties;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.observability.CallMetrics;

/**
 * What stands between the network and the route, in order: the arrival time, the secret (checked before any body is
 * read), the body limit; Tomcat's own errors as JSON; and the clock each call's deadline runs on.
 */
@Configuration(proxyBeanMethods = false)
public class HttpGuardsConfiguration {

    @Bean
    AuthenticationGateFilter authenticationGateFilter(HookAuthenticator authenticator, CallMetrics metrics) {
        return new AuthenticationGateFilter(authenticator, metrics);
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(HookProperties hook, CallMetrics metrics) {
        long maxBytes = hook.maxBody().toBytes();
        if (maxBytes < 1024 || maxBytes > 16 * 1024 * 1024) {
            throw new InvalidSettingsException("HOOK_MAX_BODY must be between 1KB and 16MB (Okta's requests are about 1KB).");
        }
        return new BodySizeLimitFilter((int) maxBytes, metrics);
    }

    /** Errors Tomcat answers itself (a malformed request line or header) come out as Okta's JSON error object too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    CallDeadlines callDeadlines(HookProperties hook) {
        if (hook.deadline().isNegative() || hook.deadline().isZero() || hook.deadline().toMillis() > 3000) {
            throw new InvalidSettingsException("HOOK_DEADLINE must be more than 0 and at most 3000ms: Okta waits 3 s.");
        }
        return new CallDeadlines(hook.deadline());
    }
}
