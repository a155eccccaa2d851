package io.telephonyhook.spring;

import jakarta.servlet.Filter;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import io.telephonyhook.config.Settings;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.orgs.OrgSteps;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.http.ArrivalTimeFilter;
import io.telephonyhook.http.AuthenticationGateFilter;
import io.telephonyhook.http.BodySizeLimitFilter;
import io.telephonyhook.http.JsonOnlyFilter;
import io.telephonyhook.http.StartupGateFilter;
import io.telephonyhook.http.StatusReportGateFilter;
import io.telephonyhook.http.Utf8BodyFilter;

/**
 * What stands in front of the hook's path (and only that path), in order: the arrival time
 * (the deadline counts from it), 503 until the hook's routes are started (never a 404 during a start or a rolling
 * deploy), the secret checked before any body is read, 415 for a body not declared as JSON before anything parses
 * it, the body limit enforced while the body arrives, and 400 for bytes that are not UTF-8 while the bytes are still
 * there (Camel's servlet binding gives the route the body as text). The route does each check again, so they hold in
 * any host that gives it the bytes; here they are cheap and early. Twilio's status reports, on the same port, have a
 * guard of their own ({@link StatusReportGateFilter}).
 */
@Configuration(proxyBeanMethods = false)
class HookServletGuardsConfiguration {

    @Bean
    FilterRegistrationBean<ArrivalTimeFilter> telephonyHookArrivalTime(Settings settings, Environment environment) {
        FilterRegistrationBean<ArrivalTimeFilter> registration = onHookPath(new ArrivalTimeFilter(), 0, settings, environment);
        registration.addUrlPatterns(onThePath(StatusCallbacks.PATH, environment));
        return registration;
    }

    /**
     * Twilio's status reports: on the same port as Okta's calls, so as guarded (the signature header before the body,
     * the body bounded in size and time, a bad form refused before Camel parses it, a bounded number at once).
     */
    @Bean
    FilterRegistrationBean<StatusReportGateFilter> telephonyHookStatusReportGate(Settings settings,
            StatusCallbacks callbacks, Environment environment) {
        FilterRegistrationBean<StatusReportGateFilter> registration = new FilterRegistrationBean<>(
                new StatusReportGateFilter(callbacks, settings.hook().getDeadline()));
        registration.addUrlPatterns(onThePath(StatusCallbacks.PATH, environment));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<StartupGateFilter> telephonyHookStartupGate(Settings settings, CamelContext camel,
                                                                       Environment environment) {
        return onHookPath(new StartupGateFilter(camel), 1, settings, environment);
    }

    /** Off when the application has its own step in the hook's authenticator's place: the route then runs that one. */
    @Bean
    FilterRegistrationBean<AuthenticationGateFilter> telephonyHookAuthenticationGate(Settings settings,
            ObjectProvider<OrgSteps.Authentication> authenticator, OrgDirectory orgs, CallMetrics metrics,
            Environment environment) {
        FilterRegistrationBean<AuthenticationGateFilter> registration = onHookPath(
                new AuthenticationGateFilter(orgs, hookPath(settings, environment), metrics), 2, settings, environment);
        registration.setEnabled(authenticator.getIfAvailable() != null);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonOnlyFilter> telephonyHookJsonOnly(Settings settings, CallMetrics metrics,
            Environment environment) {
        return onHookPath(new JsonOnlyFilter(metrics), 3, settings, environment);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> telephonyHookBodySizeLimit(Settings settings, CallMetrics metrics,
            Environment environment) {
        return onHookPath(new BodySizeLimitFilter(settings.hook().maxBodyBytes(),
                settings.hook().getDeadline(), metrics), 4, settings, environment);
    }

    @Bean
    FilterRegistrationBean<Utf8BodyFilter> telephonyHookUtf8Body(Settings settings, CallMetrics metrics,
            Environment environment) {
        return onHookPath(new Utf8BodyFilter(metrics), 5, settings, environment);
    }

    private static <F extends Filter> FilterRegistrationBean<F> onHookPath(F filter, int position, Settings settings,
                                                                           Environment environment) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        // the hook's path, and with an orgs file each org's (HOOK_PATH/<org id>); both are guarded either way
        registration.addUrlPatterns(hookPath(settings, environment), hookPath(settings, environment) + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
        return registration;
    }

    /** The hook's path on the server: the REST DSL's context path ({@code camel.rest.context-path}), then hook.path. */
    static String hookPath(Settings settings, Environment environment) {
        return onThePath(settings.hook().getPath(), environment);
    }

    /** A path of the hook's REST DSL on the server: after the context path ({@code camel.rest.context-path}). */
    static String onThePath(String path, Environment environment) {
        String context = environment.getProperty("camel.rest.context-path", "").strip();
        if (context.endsWith("/")) {
            context = context.substring(0, context.length() - 1);
        }
        if (!context.isEmpty() && !context.startsWith("/")) {
            context = "/" + context;
        }
        return context + path;
    }
}
