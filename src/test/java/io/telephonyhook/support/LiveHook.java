package io.telephonyhook.support;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.telephonyhook.TelephonyHookApplication;

/**
 * The standalone application started in live mode against a {@link TwilioStandIn}, with some settings changed: for
 * tests of a setting, which need an application of their own. Close it when done.
 */
public final class LiveHook implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final OktaClient okta;

    private LiveHook(ConfigurableApplicationContext context) {
        this.context = context;
        this.okta = new OktaClient(OktaPort.of(context));
    }

    /** @param changed settings by key (as in the README's table), added to or replacing the live defaults */
    public static LiveHook start(TwilioStandIn twilio, Map<String, String> changed) {
        return start(twilio, changed, new Class<?>[0]);
    }

    /** @param added configuration classes of the test's own, beside the application's */
    public static LiveHook start(TwilioStandIn twilio, Map<String, String> changed, Class<?>... added) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "server.port", "0",
                "management.server.port", "0",
                "twilio.account-sid", TwilioStandIn.ACCOUNT_SID,
                "twilio.auth-token", TwilioStandIn.AUTH_TOKEN,
                "twilio.api-url", twilio.url().toString(),
                "twilio.from-number", "+15017122661",
                "okta.hook.auth.secret", OktaClient.SECRET,
                "hook.deliveries.viewer-secret", DeliveryViewer.SECRET));
        settings.putAll(changed);
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new LiveHook(new SpringApplicationBuilder(TelephonyHookApplication.class).sources(added).run(args));
    }

    public OktaClient okta() {
        return okta;
    }

    /** Where /actuator is: its own port, off the one Okta reaches. */
    public URI managementUrl() {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
