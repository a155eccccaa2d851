package io.telephonyhook.deliveries;

import static io.telephonyhook.deliveries.InMemoryDeliveryLedgerTest.call;
import static io.telephonyhook.deliveries.InMemoryDeliveryLedgerTest.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.embedded.RedisServer;

import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.redis.SharedRedis;

/**
 * Two instances' ledgers sharing a real Redis server: a delivery one sent, the other updates (Twilio's report reached
 * it); the Lua script keeps the same order as memory, atomically. The last test stops Redis: the ledger goes on in
 * memory, without throwing, and counts it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisDeliveryLedgerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final Duration TTL = Duration.ofHours(1);

    private static RedisServer redis;
    private static SharedRedis firstConnection;
    private static SharedRedis secondConnection;
    private static RedisDeliveryLedger first;
    private static RedisDeliveryLedger second;

    @BeforeAll
    static void redisAndTwoInstances() throws Exception {
        int port = freePort();
        redis = new RedisServer(port);
        redis.start();
        URI url = URI.create("redis://127.0.0.1:" + port);
        firstConnection = new SharedRedis(url, Duration.ofMillis(250));
        secondConnection = new SharedRedis(url, Duration.ofMillis(250));
        awaitConnected(firstConnection);
        awaitConnected(secondConnection);
        first = new RedisDeliveryLedger(firstConnection, TTL);
        second = new RedisDeliveryLedger(secondConnection, TTL);
    }

    @AfterAll
    static void stop() throws IOException {
        for (SharedRedis connection : new SharedRedis[] {firstConnection, secondConnection}) {
            if (connection != null) {
                connection.close();
            }
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    @Order(1)
    void sentOnOneInstanceReportedOnTheOther() throws Exception {
        assertThat(first.store(sms("SMshared", "evt-shared", T0)).get(1, TimeUnit.SECONDS)).isTrue();

        Optional<DeliveryRecord> sent = second.reported("SMshared", "sent", null, T0.plusSeconds(1));
        Optional<DeliveryRecord> delivered = first.reported("SMshared", "delivered", null, T0.plusSeconds(4));

        assertThat(sent).get().extracting(DeliveryRecord::status).isEqualTo("sent");
        assertThat(delivered).get().extracting(DeliveryRecord::status).isEqualTo("delivered");
        DeliveryRecord record = second.bySid("SMshared").orElseThrow();
        assertThat(record).isEqualTo(delivered.get());
        assertThat(record.history()).containsExactly(
                new StatusChange("queued", T0, null),
                new StatusChange("sent", T0.plusSeconds(1), null),
                new StatusChange("delivered", T0.plusSeconds(4), null));
        assertThat(record).extracting(DeliveryRecord::eventId, DeliveryRecord::channel, DeliveryRecord::to,
                        DeliveryRecord::country, DeliveryRecord::requestType, DeliveryRecord::sentAt)
                .containsExactly("evt-shared", "sms", "+1******2671", "US", "com.okta.user.telephony.mfa-verification", T0);
    }

    @Test
    @Order(2)
    void aStatusNeverMovesBackwardsWhicheverInstanceHearsIt() throws Exception {
        first.store(call("CAback", "evt-back", T0)).get(1, TimeUnit.SECONDS);
        first.reported("CAback", "in-progress", null, T0.plusSeconds(3));
        second.reported("CAback", "no-answer", null, T0.plusSeconds(30));

        Optional<DeliveryStore.Report> ringingLate = second.report("CAback", "ringing", null, T0.plusSeconds(31));
        Optional<DeliveryStore.Report> otherFinal = first.report("CAback", "completed", null, T0.plusSeconds(32));

        assertThat(ringingLate.orElseThrow().recorded()).isEqualTo(
                new StatusChange("ringing", T0.plusSeconds(31), null, true));
        assertThat(otherFinal.orElseThrow().recorded().late()).isTrue();
        assertThat(otherFinal.orElseThrow().record().status()).isEqualTo("no-answer");
        assertThat(first.bySid("CAback").orElseThrow().history())
                .extracting(change -> change.status() + (change.late() ? " (late)" : ""))
                .containsExactly("queued", "in-progress", "no-answer", "ringing (late)", "completed (late)");
        // a second sent for the same SID changes nothing
        assertThat(second.store(call("CAback", "evt-back", T0.plusSeconds(40))).get(1, TimeUnit.SECONDS)).isFalse();
        assertThat(first.bySid("CAback").orElseThrow().status()).isEqualTo("no-answer");
    }

    @Test
    @Order(2)
    void outOfOrderReportsAreKeptInArrivalOrderMarkedLateAsInMemory() throws Exception {
        assertThat(first.store(sms("SMlate", "evt-late", T0)).get(1, TimeUnit.SECONDS)).isTrue();
        HistoryRule.outOfOrderReportsAreKeptInArrivalOrder(second, "SMlate", T0);
    }

    @Test
    @Order(3)
    void anUnknownSidIsEmpty() {
        assertThat(first.reported("SMnever", "delivered", null, T0)).isEmpty();
        assertThat(first.bySid("SMnever")).isEmpty();
        assertThat(first.byEventId("evt-never")).isEmpty();
    }

    @Test
    @Order(3)
    void aDeliveryWithoutEventIdIsKeptWithoutAnEventSet() throws Exception {
        DeliveryRecord noEvent = DeliveryRecord.sent("SMnoevent", null, "sms", "+1******2671", "US", null, T0, "queued");
        assertThat(first.store(noEvent).get(1, TimeUnit.SECONDS)).isTrue();

        assertThat(second.bySid("SMnoevent")).contains(noEvent);
        assertThat(second.byEventId(null)).isEmpty();
        assertThat(firstConnection.await(firstConnection.commands().keys(RedisDeliveryLedger.KEY_PREFIX + "event:*")))
                .isNotEmpty() // the other tests' eventIds
                .doesNotContain(RedisDeliveryLedger.KEY_PREFIX + "event:", RedisDeliveryLedger.KEY_PREFIX + "event:null");
    }

    /** The script and {@link InMemoryDeliveryLedger} apply the same rules: random reports end in equal records. */
    @Test
    @Order(4)
    void redisAndMemoryApplyTheSameRules() throws Exception {
        InMemoryDeliveryLedger memory = new InMemoryDeliveryLedger(TTL, 1000);
        List<String> words = List.of("accepted", "queued", "sending", "sent", "delivered", "undelivered", "failed",
                "read", "initiated", "ringing", "in-progress", "completed", "busy", "no-answer", "canceled",
                "carrier_hold", "Weird Word", "");
        Random random = new Random(14);
        for (int i = 0; i < 40; i++) {
            DeliveryRecord record = i % 2 == 0 ? sms("SMsame" + i, "evt-same", T0) : call("CAsame" + i, "evt-same", T0);
            memory.sent(record);
            first.store(record).get(1, TimeUnit.SECONDS);
            for (int n = 0; n < 12; n++) {
                String word = words.get(random.nextInt(words.size()));
                Integer error = random.nextInt(4) == 0 ? 30000 + random.nextInt(10) : null;
                Instant at = T0.plusMillis(1000L * n + random.nextInt(1000));
                Optional<DeliveryStore.Report> inMemory = memory.report(record.sid(), word, error, at);
                Optional<DeliveryStore.Report> inRedis = (n % 2 == 0 ? first : second).report(record.sid(), word, error, at);
                assertThat(inRedis).as("%s after %s", record.sid(), word).isEqualTo(inMemory);
            }
            assertThat(second.bySid(record.sid())).isEqualTo(memory.bySid(record.sid()));
        }
    }

    @Test
    @Order(5)
    void concurrentReportsOnBothInstancesRecordOneFinalStatus() throws Exception {
        first.store(sms("SMrace", "evt-race", T0)).get(1, TimeUnit.SECONDS);
        List<String> recordedFinals = Collections.synchronizedList(new ArrayList<>());
        List<String> words = List.of("sent", "delivered", "undelivered", "failed", "sending", "queued");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            RedisDeliveryLedger ledger = t % 2 == 0 ? first : second;
            long seed = t;
            done.add(threads.submit(() -> {
                Random random = new Random(seed);
                start.await();
                for (int n = 0; n < 50; n++) {
                    String word = words.get(random.nextInt(words.size()));
                    ledger.report("SMrace", word, null, T0.plusMillis(n)).map(DeliveryStore.Report::recorded)
                            .filter(change -> !change.late() && DeliveryStatuses.isFinal("sms", change.status()))
                            .ifPresent(change -> recordedFinals.add(change.status()));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        DeliveryRecord record = first.bySid("SMrace").orElseThrow();
        assertThat(recordedFinals).containsExactly(record.status());
        assertThat(record.history().stream().filter(change -> !change.late())
                .map(change -> DeliveryStatuses.rank("sms", change.status())).toList())
                .isSorted().doesNotHaveDuplicates();
        assertThat(record.history().stream().map(StatusChange::status).distinct().count())
                .isEqualTo(record.history().size());
    }

    @Test
    @Order(6)
    void byEventIdAndRecentAreNewestFirstAndFollowTheStatus() throws Exception {
        first.store(sms("SMev1", "evt-two", T0.plusSeconds(100))).get(1, TimeUnit.SECONDS);
        second.store(call("CAev2", "evt-two", T0.plusSeconds(200))).get(1, TimeUnit.SECONDS);
        first.store(sms("SMev3", "evt-three", T0.plusSeconds(300))).get(1, TimeUnit.SECONDS);

        assertThat(second.byEventId("evt-two")).extracting(DeliveryRecord::sid).containsExactly("CAev2", "SMev1");
        assertThat(second.recent("queued", 2)).extracting(DeliveryRecord::sid).containsExactly("SMev3", "CAev2");

        second.reported("SMev3", "undelivered", 30007, T0.plusSeconds(301));
        first.reported("SMev1", "undelivered", 30003, T0.plusSeconds(302));

        assertThat(first.recent("queued", 10)).extracting(DeliveryRecord::sid).doesNotContain("SMev3", "SMev1")
                .contains("CAev2");
        assertThat(first.recent("undelivered", 10)).extracting(DeliveryRecord::sid).startsWith("SMev3", "SMev1");
        assertThat(first.recent("UNDELIVERED", 1)).singleElement().satisfies(record -> {
            assertThat(record.sid()).isEqualTo("SMev3");
            assertThat(record.errorCode()).isEqualTo(30007);
        });
    }

    @Test
    @Order(7)
    void everyKeyExpiresAndAReportDoesNotExtendIt() throws Exception {
        first.store(sms("SMttl", "evt-ttl", T0)).get(1, TimeUnit.SECONDS);
        Thread.sleep(50);
        first.reported("SMttl", "delivered", null, T0.plusSeconds(1));

        var commands = firstConnection.commands();
        List<String> keys = firstConnection.await(commands.keys(RedisDeliveryLedger.KEY_PREFIX + "*"));
        assertThat(keys).contains("telephony-hook:delivery:sid:SMttl", "telephony-hook:delivery:event:evt-ttl",
                "telephony-hook:delivery:status:delivered");
        for (String key : keys) {
            assertThat(firstConnection.await(commands.pttl(key))).as(key).isPositive().isLessThanOrEqualTo(TTL.toMillis());
        }
        assertThat(firstConnection.await(commands.pttl("telephony-hook:delivery:sid:SMttl")))
                .isLessThanOrEqualTo(TTL.toMillis() - 50);
    }

    @Test
    @Order(8)
    void withRedisStoppedTheLedgerGoesOnInMemoryAndCountsIt() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SharedDeliveryLedger ledger = new SharedDeliveryLedger(new InMemoryDeliveryLedger(TTL, 100), first,
                new CallMetrics(meters));
        ledger.sent(sms("SMbefore", "evt-before", T0));
        awaitStored("SMbefore");
        redis.stop();

        assertThatCode(() -> ledger.sent(sms("SMduring", "evt-during", T0.plusSeconds(1)))).doesNotThrowAnyException();
        Optional<DeliveryRecord> during = ledger.reported("SMduring", "delivered", null, T0.plusSeconds(2));
        Optional<DeliveryRecord> before = ledger.reported("SMbefore", "sent", null, T0.plusSeconds(3));

        assertThat(during).get().extracting(DeliveryRecord::status).isEqualTo("delivered");
        assertThat(before).get().extracting(DeliveryRecord::status).isEqualTo("sent");
        assertThat(ledger.reported("SMunknown", "sent", null, T0)).isEmpty();
        assertThat(ledger.byEventId("evt-during")).extracting(DeliveryRecord::sid).containsExactly("SMduring");
        assertThat(ledger.recent("delivered", 5)).extracting(DeliveryRecord::sid).containsExactly("SMduring");
        assertThat(ledger.bySid("SMbefore")).isPresent();
        assertThat(meters.counter("telephony.hook.redis.unavailable", "use", "deliveries").count())
                .isGreaterThanOrEqualTo(5);
    }

    private static void awaitStored(String sid) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (first.bySid(sid).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(first.bySid(sid)).isPresent();
    }

    private static void awaitConnected(SharedRedis connection) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!connection.connected() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(connection.connected()).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
