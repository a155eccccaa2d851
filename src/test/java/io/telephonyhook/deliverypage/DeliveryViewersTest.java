package io.telephonyhook.deliverypage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.telephonyhook.config.DeliverySettings;
import io.telephonyhook.config.HookMode;
import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.TwilioStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see deliveries: off in live mode without the operator's secret, the demo's credential in demo mode. */
class DeliveryViewersTest {

    @Test
    void inLiveModeWithoutAViewerSecretThePageAndTheLookUpAreOffAndMetricsAndHealthStayOpen() throws Exception {
        TwilioStandIn twilio = TwilioStandIn.start();
        try (LiveHook hook = LiveHook.start(twilio, Map.of("hook.deliveries.viewer-secret", ""))) {
            for (String path : new String[] {"/deliveries", "/actuator/deliveries?status=queued"}) {
                HttpResponse<String> answer = get(hook.managementUrl().resolve(path), DeliveryViewer.HEADER);
                assertThat(answer.statusCode()).as(path).isEqualTo(404);
                assertThat(answer.body()).contains("HOOK_DELIVERIES_VIEWER_SECRET");
            }
            assertThat(get(hook.managementUrl().resolve("/actuator/prometheus"), null).statusCode()).isEqualTo(200);
            assertThat(get(hook.managementUrl().resolve("/actuator/health"), null).statusCode()).isEqualTo(200);
        } finally {
            twilio.close();
        }
    }

    @Test
    void theLookUpIsGuardedWhereverTheActuatorMapsIt() throws Exception {
        TwilioStandIn twilio = TwilioStandIn.start();
        try (LiveHook hook = LiveHook.start(twilio, Map.of("management.endpoints.web.base-path", "/manage"))) {
            URI lookup = hook.managementUrl().resolve("/manage/deliveries?status=queued");
            assertThat(get(lookup, null).statusCode()).isEqualTo(401);
            assertThat(get(lookup, DeliveryViewer.basic("admin", "not-the-secret")).statusCode()).isEqualTo(401);
            assertThat(get(lookup, DeliveryViewer.HEADER).statusCode()).isEqualTo(200);
        } finally {
            twilio.close();
        }
    }

    @Test
    void theOperatorsCredentialOpensThemAndNothingElseDoes() {
        DeliverySettings settings = new DeliverySettings();
        settings.setViewerUser("helpdesk");
        settings.setViewerSecret("a-long-viewer-secret");
        DeliveryViewers viewers = DeliveryViewers.of(settings, HookMode.LIVE);

        assertThat(viewers.check(DeliveryViewer.basic("helpdesk", "a-long-viewer-secret")))
                .isEqualTo(DeliveryViewers.Verdict.ALLOWED);
        assertThat(viewers.check("basic " + DeliveryViewer.basic("helpdesk", "a-long-viewer-secret").substring(6)))
                .as("the scheme in any case").isEqualTo(DeliveryViewers.Verdict.ALLOWED);
        for (String wrong : new String[] {null, "", "Basic", "Basic !!!", "Bearer a-long-viewer-secret",
                DeliveryViewer.basic("helpdesk", "a-long-viewer-secreT"), DeliveryViewer.basic("admin", "a-long-viewer-secret"),
                DeliveryViewer.DEMO_HEADER}) {
            assertThat(viewers.check(wrong)).as(String.valueOf(wrong)).isEqualTo(DeliveryViewers.Verdict.UNAUTHENTICATED);
        }
    }

    @Test
    void demoModeOpensThemWithTheDemoCredentialUnlessTheOperatorSetsOne() {
        DeliveryViewers demo = DeliveryViewers.of(new DeliverySettings(), HookMode.DEMO);
        assertThat(demo.check(DeliveryViewer.DEMO_HEADER)).isEqualTo(DeliveryViewers.Verdict.ALLOWED);
        assertThat(demo.check(null)).isEqualTo(DeliveryViewers.Verdict.UNAUTHENTICATED);
        assertThat(DeliveryViewers.of(new DeliverySettings(), HookMode.LIVE).check(DeliveryViewer.DEMO_HEADER))
                .isEqualTo(DeliveryViewers.Verdict.OFF);
        DeliverySettings own = new DeliverySettings();
        own.setViewerSecret("a-long-viewer-secret");
        assertThat(DeliveryViewers.of(own, HookMode.DEMO).check(DeliveryViewer.DEMO_HEADER))
                .isEqualTo(DeliveryViewers.Verdict.UNAUTHENTICATED);
    }

    private static HttpResponse<String> get(URI url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
