package io.telephonyhook.spring;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import io.telephonyhook.config.Settings;
import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.deliverypage.DeliveryPage;
import io.telephonyhook.deliverypage.DeliveryViewers;

/**
 * What the hook adds to the management server, the one on {@code management.server.port} (a child context of its
 * own): the delivery page at {@code /deliveries}, and the viewer's credential in front of the page and
 * {@code /actuator/deliveries}. The page exists only on a management port of its own, never on the port Okta
 * calls; the look-up's guard goes wherever the actuator is.
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(DeliveryLedger.class)
class HookManagementConfiguration {

    @Bean
    DeliveryPage telephonyHookDeliveryPage(DeliveryLedger ledger, Settings settings) {
        return new DeliveryPage(ledger, DeliveryViewers.of(settings.deliveries(), settings.mode()), Clock.systemUTC());
    }

    /**
     * In front of the look-up wherever the actuator maps it ({@code management.endpoints.web.base-path}, its path
     * mapping), {@code /actuator/deliveries} by default.
     */
    @Bean
    FilterRegistrationBean<?> telephonyHookDeliveriesGuard(DeliveryPage page,
                                                           ObjectProvider<PathMappedEndpoints> endpoints) {
        PathMappedEndpoints mapped = endpoints.getIfAvailable();
        String path = mapped == null ? null : mapped.getPath(EndpointId.of("deliveries"));
        String lookup = path == null ? "/actuator/deliveries" : path;
        FilterRegistrationBean<?> guard = new FilterRegistrationBean<>(DeliveryPageServlet.lookupGuard(page));
        guard.addUrlPatterns(lookup, lookup + "/*");
        guard.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return guard;
    }
}
