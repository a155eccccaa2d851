package io.telephonyhook.spring;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.config.InvalidSettingsException;

/**
 * Okta's path is served by camel-platform-http on the application's own servlet server. The library leaves that
 * starter to the application (it is optional, so camel-main and Quarkus hosts get no Spring): an application without
 * it stops at start-up with one line saying what to add, rather than starting without the hook's path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingClass("org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine")
class PlatformHttpRequired {

    PlatformHttpRequired() {
        throw new InvalidSettingsException("The telephony hook is served by camel-platform-http on Spring Boot: add "
                + "org.apache.camel.springboot:camel-platform-http-starter to the application (HOOK_ENABLED=false "
                + "turns the hook off).");
    }
}
