package io.telephonyhook.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.embedded.RedisServer;

import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.deliveries.DeliveryRecord;
import io.telephonyhook.deliveries.StatusChange;
import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * Two instances of the standalone application sharing a real Redis server (HOOK_DEDUP_REDIS_URL), as behind a load
 * balancer that retries on the other instance: eventIds, rate limits and deliveries are shared. The last test stops
 * Redis: calls still go out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedAcrossInstancesTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static RedisServer redis;
    private static LiveHook first;
    private static LiveHook second;

    @BeforeAll
    static void redisAndTwoInstances() throws Exception {
        int port = freePort();
        redis = new RedisServer(port);
        redis.start();
        Map<String, String> shared = Map.of(
                "hook.dedup.redis-url", "redis://127.0.0.1:" + port,
                "hook.rate-limit.per-number", "2/1m"); // shared through the same Redis
        first = LiveHook.start(twilio, shared);
        second = LiveHook.start(twilio, shared);
        awaitConnected(first);
        awaitConnected(second);
    }

    @AfterAll
    static void stop() throws IOException {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    @BeforeEach
    void freshStandIn() {
        twilio.reset();
    }

    @Test
    @Order(1)
    void aRetryOnTheOtherInstanceIsNotSentAgain() {
        OktaRequest request = OktaRequest.sms().eventId("retried-elsewhere");

        Answer answer = first.okta().post(request);
        Answer retry = second.okta().post(request);

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(retry.json()).isEqualTo(answer.json());
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    @Order(2)
    void twentyConcurrentCallsOnTwoInstancesAreSentOnceAndAnsweredTheSame() {
        twilio.answerAfter(Duration.ofMillis(300));
        OktaRequest request = OktaRequest.sms().eventId("twenty-on-two");
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                LiveHook instance = i % 2 == 0 ? first : second;
                calls.add(CompletableFuture.supplyAsync(() -> instance.okta().post(request), callers));
            }
            List<Answer> answers = calls.stream().map(CompletableFuture::join).toList();

            assertThat(twilio.received()).hasSize(1);
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
                assertThat(answer.json()).isEqualTo(answers.get(0).json());
            });
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void aNumbersRateLimitIsSharedByTheInstances() {
        String number = "+14155550123";

        Answer one = first.okta().post(OktaRequest.sms().phone(number));
        Answer two = second.okta().post(OktaRequest.sms().phone(number));
        Answer three = first.okta().post(OktaRequest.sms().phone(number));
        Answer four = second.okta().post(OktaRequest.voice().phone(number));

        assertThat(List.of(one.actionStatus(), two.actionStatus())).containsOnly("SUCCESSFUL");
        assertThat(three.metadata()).isEqualTo("reason=rate-limited");
        assertThat(four.metadata()).isEqualTo("reason=rate-limited");
        assertThat(twilio.received()).hasSize(2);
    }

    /** Twilio's status report may reach the other instance: it finds and moves on the same delivery. */
    @Test
    @Order(4)
    void aDeliverySentByOneInstanceIsReportedOnTheOther() throws InterruptedException {
        // a number of its own: the shared per-number limit (2/1m) is spent for the others
        Answer answer = first.okta().post(OktaRequest.sms().phone("+14155550177").eventId("reported-elsewhere"));
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        String sid = answer.action().path("transactionId").asText();
        DeliveryLedger sender = first.bean(DeliveryLedger.class);
        DeliveryLedger other = second.bean(DeliveryLedger.class);
        awaitRecorded(other, sid); // the sending instance stores it without waiting for Redis

        assertThat(other.reported(sid, "delivered", null, Instant.now())).get()
                .extracting(DeliveryRecord::status).isEqualTo("delivered");
        assertThat(sender.reported(sid, "sent", null, Instant.now())).get() // late, elsewhere: stays delivered
                .extracting(DeliveryRecord::status).isEqualTo("delivered");
        assertThat(sender.byEventId("reported-elsewhere")).singleElement().satisfies(record -> {
            assertThat(record.sid()).isEqualTo(sid);
            assertThat(record.history()).extracting(change -> change.status() + (change.late() ? " (late)" : ""))
                    .containsExactly("queued", "delivered", "sent (late)");
        });
    }

    @Test
    @Order(5)
    void withRedisStoppedCallsAreStillDeliveredAtOnceAndRepeatsCaughtPerInstance() throws IOException {
        redis.stop();
        double unavailableBefore = unavailable(first);

        Answer answer = first.okta().post(OktaRequest.sms().eventId("redis-down"));
        Answer repeat = first.okta().post(OktaRequest.sms().eventId("redis-down"));
        Answer elsewhere = second.okta().post(OktaRequest.voice().eventId("redis-down-voice"));

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(2));
        assertThat(repeat.json()).isEqualTo(answer.json());
        assertThat(elsewhere.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(2);
        // the call found Redis down; its repeat was answered from the instance's memory without asking Redis
        assertThat(unavailable(first)).isGreaterThanOrEqualTo(unavailableBefore + 1);
        assertThat(first.bean(OneDeliveryPerEvent.class).state()).contains("unreachable");
        // the delivery is kept in the instance's memory instead
        assertThat(first.bean(DeliveryLedger.class).byEventId("redis-down")).hasSize(1);
        assertThat(first.bean(MeterRegistry.class).counter("telephony.hook.redis.unavailable", "use", "deliveries").count())
                .isPositive();
    }

    private static void awaitRecorded(DeliveryLedger ledger, String sid) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ledger.bySid(sid).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(ledger.bySid(sid)).as(sid).isPresent();
    }

    private static double unavailable(LiveHook instance) {
        return instance.bean(MeterRegistry.class).counter("telephony.hook.redis.unavailable", "use", "dedup").count();
    }

    private static void awaitConnected(LiveHook instance) throws InterruptedException {
        OneDeliveryPerEvent dedup = instance.bean(OneDeliveryPerEvent.class);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!dedup.state().endsWith(" connected") && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(dedup.state()).endsWith(" connected");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
