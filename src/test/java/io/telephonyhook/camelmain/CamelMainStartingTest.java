package io.telephonyhook.camelmain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.main.Main;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;

/**
 * camel-main starts its HTTP server, and the port listens, before the services added after it have started. A
 * service held between the two, as a slow start or a busy machine holds them, shows what a call meets then: the
 * hook's 503 in Okta's shape, never Vert.x's bare router (an HTML 404). Demo mode, real HTTP.
 */
class CamelMainStartingTest {

    private final int port = AvailablePortFinder.getNextAvailable();

    @Test
    void aCallWhileCamelStartsAfterThePortListensIsAnswered503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<MainHttpServer> serverWhenConfigured = new AtomicReference<>();
        Main main = new Main();
        main.configure().httpServer().withEnabled(true).withPort(port);
        main.configure().withRoutesIncludePattern("classpath:telephony-hook/routes/*.camel.yaml");
        main.addInitialProperty("okta.hook.auth.secret", OktaClient.SECRET);
        main.configure().addConfiguration(new CamelConfiguration() { // before the hook's: so is its service
            @Override
            public void configure(CamelContext camel) throws Exception {
                serverWhenConfigured.set(camel.hasService(MainHttpServer.class));
                camel.addService(new HeldStart(release), true, true);
            }
        });
        main.configure().addConfiguration(new TelephonyHookCamelConfiguration());
        Thread running = new Thread(() -> {
            try {
                main.run();
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        }, "camel-main");
        running.start();
        try {
            OktaClient okta = new OktaClient(port);
            awaitListening();
            assertThat(serverWhenConfigured.get()).as("camel-main makes its server before configuration classes run")
                    .isNotNull();

            OktaShape.assertError(okta.post(OktaRequest.sms()), 503, "HTTP_503");

            release.countDown();
            Answer answer = awaitAnAnswerOtherThan503(okta);
            assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        } finally {
            release.countDown();
            main.completed();
            running.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void awaitListening() throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp)) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the port never listened");
    }

    private static Answer awaitAnAnswerOtherThan503(OktaClient okta) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Answer answer = okta.post(OktaRequest.sms());
            if (answer.status() != 503 || Instant.now().isAfter(giveUp)) {
                return answer;
            }
            Thread.sleep(50);
        }
    }

    /** A service whose start waits for the test: Camel's start stops there, the port already listening. */
    private static final class HeldStart extends ServiceSupport {

        private final CountDownLatch release;

        HeldStart(CountDownLatch release) {
            this.release = release;
        }

        @Override
        protected void doStart() throws InterruptedException {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        }
    }
}
