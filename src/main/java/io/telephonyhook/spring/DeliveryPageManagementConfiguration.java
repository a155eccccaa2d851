package io.telephonyhook.spring;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

import io.telephonyhook.deliverypage.DeliveryPage;

/**
 * The delivery page at {@code /deliveries}, only in the management server's own context
 * ({@code management.server.port} set apart from {@code server.port}), so never on the port Okta calls.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnBean(DeliveryPage.class)
class DeliveryPageManagementConfiguration {

    @Bean
    ServletRegistrationBean<DeliveryPageServlet> telephonyHookDeliveryPageServlet(DeliveryPage page) {
        return new ServletRegistrationBean<>(new DeliveryPageServlet(page), DeliveryPage.PATH);
    }
}
