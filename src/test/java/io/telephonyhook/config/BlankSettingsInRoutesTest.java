package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * A blank setting is a setting not given in the routes too: their placeholders ({@code {{hook:path}}}, ...) read the
 * bound settings, not the host's raw value, so a blank {@code HOOK_PATH} still serves Okta on the default path and a
 * blank limit or breaker setting keeps its default instead of failing the route.
 */
class BlankSettingsInRoutesTest {

    @Test
    void theRoutesTakeTheDefaultsOfSettingsGivenBlank() {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of("hook.path", "",
                "hook.max-concurrent-calls", "", "hook.breaker.open-seconds", ""))) {
            assertThat(hook.okta().post(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL");
            assertThat(hook.okta().post(OktaRequest.voice()).actionStatus()).isEqualTo("SUCCESSFUL");
        }
    }
}
