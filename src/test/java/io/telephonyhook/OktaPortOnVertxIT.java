package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.RawHttp;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * The standalone application with Okta's port on Vert.x ({@code HTTP_SERVER=vertx}; docs/going-live.md, "Okta's port on
 * Vert.x"), in both ways it starts: the {@code -exec} jar, and the fast-start layout, whose Spring AOT beans were made
 * in the build with the default (Tomcat), so the choice is made at start. What the README promises on Okta's port
 * holds there as on Tomcat: answers in Okta's shapes for every refusal, the secret checked before the body is read (and
 * only then {@code 100 Continue}), a
 * trickled body cut off at the deadline, calls past {@code HOOK_MAX_CONCURRENT_CALLS} answered {@code FAILED} at once,
 * one code per eventId, a Twilio that never answers answered {@code FAILED} inside Okta's 3 s, the calls in flight
 * answered on SIGTERM; and in demo mode the simulator's messages and status reports on the same port.
 */
class OktaPortOnVertxIT {

    private static final Path EXEC_JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    private static final Path LAYOUT_JAR = Path.of(System.getProperty("hook.fastStart", "target/fast-start"))
            .toAbsolutePath().resolve("telephony-hook.jar");
    private static final Duration OKTA_WAITS = Duration.ofSeconds(3);
    private static final int ADMITTED = 10;
    private static final int AT_ONCE = 40;

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private final ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE);
    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
    private final List<RawHttp> connections = new ArrayList<>();
    private JarProcess hook;
    private int managementPort;

    @TempDir
    Path elsewhere;

    @AfterEach
    void stop() throws Exception {
        callers.shutdownNow();
        trickle.shutdownNow();
        for (RawHttp connection : connections) {
            connection.close();
        }
        if (hook != null) {
            hook.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exec jar", "fast-start layout"})
    void oktasPortOnVertxKeepsTheHooksGuarantees(String way) throws Exception {
        boolean layout = way.equals("fast-start layout");
        assumeTrue(!layout || !Boolean.getBoolean("fast-start.skip"), "-Dfast-start.skip=true: no layout");
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.put("HOOK_PUBLIC_URL", "https://hook.example.com"); // status reports on, for their guard
        OktaClient okta = start(layout ? LAYOUT_JAR : EXEC_JAR, environment);

        assertThat(hook.logText()).contains("Okta's port on Vert.x: " + hook.port() + " (HTTP_SERVER=vertx), "
                + (ADMITTED + 50) + " worker threads").doesNotContain("Exception");
        assertThat(get(managementPort, "/actuator/health", null).body()).contains("\"status\":\"UP\"");
        assertThat(okta.post(OktaRequest.voice()).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(1);
        assertThat(twilio.received().get(0).path()).endsWith("/Calls.json");
        twilio.reset();

        refusalsAreAnsweredInOktasShapes(okta);
        statusReportsAreCheckedBeforeTheirBodyAndAtMost16AreIn();
        // the reports cut off at the deadline have a line of their own, and are not counted as Okta's calls
        assertThat(hook.logText()).contains("Twilio status report refused: status=408");
        assertThat(scrape()).doesNotContainPattern("telephony_hook_calls_total\\{[^}]*reason=\"timeout\"[^}]*} [1-9]");
        onlyAnAuthenticatedCallerIsInvitedToSendItsBody();
        theDeadlineCountsFromTheRequestsArrival();
        slowCallersHoldNothingAndATrickledBodyIsCutOffAtTheDeadline(okta);
        aCallerSilentBeforeItsHeadersEndIsCutOffAndAnIdleOneIsNot();
        callsPastTheAdmittedOnesAreShedAtOnce(okta);
        oneEventIdIsSentOnce(okta, layout);

        twilio.script(request -> Reply.hang());
        Answer hung = okta.post(OktaRequest.sms());
        assertThat(hung.actionStatus()).isEqualTo("FAILED");
        assertThat(hung.metadata()).isEqualTo("reason=deadline");
        assertThat(hung.took()).isLessThan(OKTA_WAITS);
    }

    @Test
    void demoModeServesTheSimulatorsMessagesAndStatusReportsOnTheSamePort() throws Exception {
        Map<String, String> demo = new java.util.HashMap<>(Map.of("OKTA_HOOK_AUTH_SECRET", OktaClient.SECRET,
                "HOOK_DELIVERIES_VIEWER_SECRET", DeliveryViewer.SECRET));
        OktaClient okta = start(EXEC_JAR, demo);

        Answer sent = okta.post(OktaRequest.sms().eventId("vertx-demo"));

        assertThat(sent.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(get(hook.port(), "/simulator/messages", OktaClient.SECRET).body()).contains(OktaRequest.OTP);
        assertThat(get(hook.port(), "/simulator/messages", null).statusCode()).isEqualTo(401);
        Instant giveUp = Instant.now().plusSeconds(10);
        String deliveries = "";
        while (!deliveries.contains("delivered") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            deliveries = get(managementPort, "/actuator/deliveries?eventId=vertx-demo", DeliveryViewer.HEADER).body();
        }
        assertThat(deliveries).as("the simulator's status report, to the hook's own Vert.x port").contains("delivered");

        // Vert.x drops a form whose last pair it cannot decode (the route then finds no account: 403), and fails one
        // with such a pair before others (400); neither form is logged
        assertThat(postForm("To=%2B15551234567&AccountSid=%zz")).startsWith("HTTP/1.1 403").contains("\"errorSummary\"");
        assertThat(postForm("AccountSid=%zz&To=%2B15551234567")).startsWith("HTTP/1.1 400").contains("\"errorSummary\"");
        assertThat(hook.logText()).as("the form, a phone number in it, is not logged").doesNotContain("5551234567")
                .doesNotContain("Exception");
    }

    @Test
    void onSigtermTheCallInFlightIsAnsweredAndNewOnesAreRefusedAtOnce() throws Exception {
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.put("HOOK_DEADLINE", "3000ms"); // room for a slow machine between SIGTERM and Camel stopping
        OktaClient okta = start(EXEC_JAR, environment);
        twilio.answerAfter(Duration.ofSeconds(10)); // until the test lets it go (reset)
        CompletableFuture<Answer> inFlight = CompletableFuture.supplyAsync(() -> okta.post(OktaRequest.sms()));
        Instant giveUp = Instant.now().plusSeconds(5);
        while (twilio.received().isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(10);
        }

        hook.process().destroy(); // SIGTERM
        Instant stopping = Instant.now().plusSeconds(10);
        while (!hook.logText().contains("is shutting down") && Instant.now().isBefore(stopping)) {
            Thread.sleep(20);
        }
        String body = OktaRequest.sms().json();
        long sent = System.nanoTime();
        RawHttp late = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + OktaClient.SECRET + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        String refused = late.readResponse(Duration.ofSeconds(2));
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        boolean stillServing = !inFlight.isDone();
        late.readResponse(Duration.ofSeconds(2));
        int atTwilio = twilio.received().size();
        twilio.reset(); // Twilio answers the call in flight now

        assertThat(hook.logText()).as("Camel began to stop").contains("is shutting down");
        assertThat(stillServing).as("the call in flight was still being served").isTrue();
        assertThat(refused).as("a new call while the calls in flight finish").startsWith("HTTP/1.1 503")
                .contains("\"errorSummary\":\"The telephony hook is stopping\"");
        assertThat(took).as("refused at once").isLessThan(Duration.ofSeconds(1));
        assertThat(late.closedByServer()).as("its connection closed").isTrue();
        Answer answer = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(atTwilio).as("only the call in flight reached Twilio").isEqualTo(1);
        assertThat(hook.process().waitFor(15, TimeUnit.SECONDS)).as("the hook exits after draining").isTrue();
        assertThat(twilio.received()).as("nothing more after it").isEmpty();
    }

    private void refusalsAreAnsweredInOktasShapes(OktaClient okta) throws Exception {
        String body = OktaRequest.sms().json();
        Answer noSecret = okta.post(body, null, null);
        Answer unparseable = okta.post("{\"eventId\":", "Authorization", OktaClient.SECRET);
        Answer latin1 = okta.post(body.getBytes(StandardCharsets.UTF_8), "application/json; charset=ISO-8859-1");
        Answer tooLarge = okta.post(body.replace("\"locale\"", "\"padding\":\"" + "x".repeat(70_000) + "\",\"locale\""),
                "Authorization", OktaClient.SECRET);
        Answer unknownPath = okta.post(body, "Authorization", OktaClient.SECRET, "/nowhere");
        HttpResponse<String> wrongMethod = get(hook.port(), "/telephonyHook", OktaClient.SECRET);
        String unreadable = open("GARBAGE\r\n\r\n").readResponse(Duration.ofSeconds(5));
        String badHeader = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n")
                .readResponse(Duration.ofSeconds(5));
        RawHttp largeWithoutSecret = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
        String largeRefused = largeWithoutSecret.readResponse(Duration.ofSeconds(5));
        largeWithoutSecret.readResponse(Duration.ofSeconds(2));
        // a body of no declared length that grows past HOOK_MAX_BODY as it is read: refused 413 as a declared one is
        RawHttp chunked = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + OktaClient.SECRET + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(8192);
        String grownTooLarge = chunked.send((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").repeat(9))
                .readResponse(Duration.ofSeconds(5));
        String refusalsScrape = scrape();
        Answer unsigned = okta.post("AccountSid=AC1&MessageSid=SM1&MessageStatus=delivered", null, null, "/twilio/status");
        HttpResponse<String> upgrade = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.port() + "/nowhere")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(noSecret.status()).isEqualTo(401);
        assertThat(unparseable.status()).isEqualTo(400);
        assertThat(latin1.status()).isEqualTo(415);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().at("/error/errorCauses/0/errorSummary").asText()).isEqualTo("body over 65536 bytes");
        assertThat(grownTooLarge).startsWith("HTTP/1.1 413").contains("body over 65536 bytes");
        // logged and counted as every refusal is, where the route or Tomcat's guards refuse it
        assertThat(hook.logText().split("status=413 reason=\"body over 65536 bytes\"", -1)).hasSize(3);
        assertThat(refusalsScrape).containsPattern(
                "telephony_hook_calls_total\\{[^}]*outcome=\"refused\"[^}]*reason=\"too_large\"[^}]*} 2.0");
        assertThat(unknownPath.status()).isEqualTo(404);
        for (Answer answer : List.of(noSecret, unparseable, latin1, tooLarge, unknownPath)) {
            assertThat(answer.json().at("/error/errorSummary").asText()).as("%s", answer.status()).isNotBlank();
        }
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(wrongMethod.body()).contains("\"errorSummary\"");
        assertThat(unreadable).startsWith("HTTP/1.").contains(" 400 ").contains("\"errorSummary\"");
        assertThat(badHeader).startsWith("HTTP/1.1 400").contains("\"errorSummary\"");
        assertThat(largeRefused).startsWith("HTTP/1.1 401").contains("\"errorSummary\"");
        assertThat(largeWithoutSecret.closedByServer()).as("a large refused body is not read: closed").isTrue();
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.json().at("/error/errorSummary").asText()).isNotBlank();
        assertThat(upgrade.version()).as("no h2c upgrade: HTTP/1.1 only").isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(twilio.received()).isEmpty();
    }

    /**
     * As the servlet filter's: 415, 413 for a declared length, and 503 past 16 reports in, each let go by its answer
     * or by its caller leaving.
     */
    private void statusReportsAreCheckedBeforeTheirBodyAndAtMost16AreIn() throws Exception {
        String report = "POST /twilio/status HTTP/1.1\r\nHost: localhost\r\nX-Twilio-Signature: " + "A".repeat(27)
                + "=\r\n";
        String form = "Content-Type: application/x-www-form-urlencoded\r\n";
        String notAForm = open(report + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                .readResponse(Duration.ofSeconds(5));
        RawHttp large = open(report + form + "Content-Length: 20000\r\n\r\nAccountSid=");
        String tooLarge = large.readResponse(Duration.ofSeconds(5));
        large.readResponse(Duration.ofSeconds(2)); // then the close
        List<RawHttp> held = new ArrayList<>();
        for (int i = 0; i < 16; i++) { // in: their bodies never finish, until the deadline answers them
            held.add(open(report + form + "Content-Length: 100\r\n\r\nAccountSid="));
        }
        Thread.sleep(500); // the 16 in before the 17th
        RawHttp seventeenth = open(report + form + "Content-Length: 100\r\n\r\nAccountSid=");
        String busy = seventeenth.readResponse(Duration.ofSeconds(5));
        seventeenth.readResponse(Duration.ofSeconds(2));
        held.remove(0).close(); // two callers go away mid-body, well before the deadline: their places are free
        held.remove(0).close();
        Thread.sleep(300);
        held.add(open(report + form + "Content-Length: 100\r\n\r\nAccountSid="));
        String inTheirPlace = held.get(held.size() - 1).readResponse(Duration.ofMillis(500));
        List<String> cutOff = new ArrayList<>();
        for (RawHttp connection : held) {
            cutOff.add(connection.readResponse(Duration.ofSeconds(10)));
        }
        String signedBadly = "AccountSid=AC1&MessageSid=SM1&MessageStatus=delivered";
        String afterThem = open(report + form + "Content-Length: " + signedBadly.length() + "\r\n\r\n" + signedBadly)
                .readResponse(Duration.ofSeconds(5));

        assertThat(notAForm).startsWith("HTTP/1.1 415").contains("\"errorSummary\"");
        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("\"errorSummary\"");
        assertThat(large.closedByServer()).as("a report declared too large is never read").isTrue();
        assertThat(busy).startsWith("HTTP/1.1 503").contains("Retry-After: 1").contains("\"errorSummary\"");
        assertThat(seventeenth.closedByServer()).isTrue();
        assertThat(inTheirPlace).as("admitted, its body awaited: the places of callers that left are free").isEmpty();
        assertThat(cutOff).allSatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 408"));
        assertThat(afterThem).as("the 16 let go once answered: the route's own check refuses it")
                .startsWith("HTTP/1.1 403");
        assertThat(twilio.received()).isEmpty();
    }

    private void onlyAnAuthenticatedCallerIsInvitedToSendItsBody() throws Exception {
        String body = OktaRequest.sms().json();
        String expecting = "POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nExpect: 100-continue\r\n";

        String refused = open(expecting + "\r\n").readResponse(Duration.ofSeconds(5));
        String oddlySpelled = open(expecting.replace("POST /telephonyHook", "POST /./telephonyHook") + "\r\n")
                .readResponse(Duration.ofSeconds(5));
        RawHttp caller = open(expecting + "Authorization: " + OktaClient.SECRET + "\r\n\r\n");
        String invitation = caller.readInterim(Duration.ofSeconds(5));
        String answer = caller.send(body).readResponse(Duration.ofSeconds(5));

        assertThat(refused).startsWith("HTTP/1.1 401").doesNotContain("100 Continue");
        assertThat(oddlySpelled).as("the path as the router matches it is guarded").startsWith("HTTP/1.1 401")
                .doesNotContain("100 Continue");
        assertThat(invitation).startsWith("HTTP/1.1 100");
        assertThat(answer).startsWith("HTTP/1.1 200").contains("SUCCESSFUL");
        assertThat(answer.toLowerCase()).as("the answer as text, which Camel's binding writes at once, chunked")
                .contains("transfer-encoding: chunked").doesNotContain("content-length");
        assertThat(twilio.received()).hasSize(1);
        twilio.reset();
    }

    /**
     * A body that takes 1 s of the 2.5 s deadline to arrive leaves the Twilio request 1.4 s, and Twilio takes 2 s:
     * counted from when Camel made the exchange instead, the call would have had a whole deadline and been sent.
     */
    private void theDeadlineCountsFromTheRequestsArrival() throws Exception {
        twilio.answerAfter(Duration.ofSeconds(2));
        String body = OktaRequest.sms().json();
        int half = body.length() / 2;
        RawHttp caller = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + OktaClient.SECRET + "\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body.substring(0, half));
        Thread.sleep(1000);

        String answer = caller.send(body.substring(half)).readResponse(Duration.ofSeconds(5));

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"FAILED\"").contains("reason=deadline");
        twilio.reset();
    }

    private void slowCallersHoldNothingAndATrickledBodyIsCutOffAtTheDeadline(OktaClient okta) throws Exception {
        for (int i = 0; i < 30; i++) { // bodies without the secret, and headers that never end
            trickleBytes(open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 300\r\n\r\n{"));
            trickleBytes(open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
        }
        RawHttp slow = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + OktaClient.SECRET + "\r\nContent-Length: 500\r\n\r\n{");
        trickleBytes(slow);
        long start = System.nanoTime();

        List<Answer> answers = IntStream.range(0, ADMITTED - 2) // within admission, whatever is still finishing
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(OktaRequest.sms()), callers))
                .toList().stream().map(CompletableFuture::join).toList();
        String cutOff = slow.readResponse(Duration.ofSeconds(10));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
            assertThat(answer.took()).isLessThan(OKTA_WAITS);
        });
        assertThat(cutOff).startsWith("HTTP/1.1 408").contains("\"errorSummary\"").doesNotContain("SUCCESSFUL");
        assertThat(hook.logText().lines().filter(line -> !line.contains("Twilio status report refused"))
                .filter(line -> line.contains("status=408 reason=\"body not received by the call's deadline\"")))
                .as("logged as every refusal is").isNotEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(OKTA_WAITS.plusSeconds(1));
        assertThat(twilio.received()).hasSize(ADMITTED - 2);
        twilio.reset();
    }

    /**
     * As Tomcat's connection timeout (2 s): silence while a request line and headers are due closes the connection;
     * between requests only the 60 s idle timeout applies.
     */
    private void aCallerSilentBeforeItsHeadersEndIsCutOffAndAnIdleOneIsNot() throws Exception {
        long start = System.nanoTime();
        RawHttp saysNothing = open("");
        RawHttp halfAHeader = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl");
        RawHttp kept = open(smsCall("silence-1"));
        String first = kept.readResponse(Duration.ofSeconds(5));
        kept.send("\r\n"); // a blank line after a body, which some clients send: skipped, as Tomcat skips it
        RawHttp secondHalfSilent = open(smsCall("silence-2"));
        String answered = secondHalfSilent.readResponse(Duration.ofSeconds(5));
        secondHalfSilent.send("POST /telephonyHook HTTP/1.1\r\nHost: loc"); // the next request, begun

        String nothing = saysNothing.readResponse(Duration.ofSeconds(6));
        String nothingEither = halfAHeader.readResponse(Duration.ofSeconds(6));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String none = secondHalfSilent.readResponse(Duration.ofSeconds(6));
        Thread.sleep(Math.max(0, 2_500 - Duration.ofNanos(System.nanoTime() - start).toMillis()));
        String second = kept.send(smsCall("silence-3")).readResponse(Duration.ofSeconds(5));

        assertThat(saysNothing.closedByServer()).as("a connection that sends nothing").isTrue();
        assertThat(halfAHeader.closedByServer()).as("silent in its headers").isTrue();
        assertThat(secondHalfSilent.closedByServer()).as("silent in the headers of its second request").isTrue();
        assertThat(nothing + nothingEither + none).isEmpty();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_900)).isLessThan(Duration.ofSeconds(6));
        assertThat(first).startsWith("HTTP/1.1 200").contains("SUCCESSFUL");
        assertThat(answered).startsWith("HTTP/1.1 200").contains("SUCCESSFUL");
        assertThat(second).as("idle for longer than the limit between two calls: kept open")
                .startsWith("HTTP/1.1 200").contains("SUCCESSFUL");
        assertThat(kept.closedByServer()).isFalse();
        assertThat(twilio.received()).hasSize(3);
        twilio.reset();
        aPipelinedCallIsAnsweredAndItsConnectionKept();
    }

    /** A call sent while the one before it is answered (Vert.x reads it at once) changes nothing of the above. */
    private void aPipelinedCallIsAnsweredAndItsConnectionKept() throws Exception {
        twilio.answerAfter(Duration.ofSeconds(1));
        RawHttp pipelining = open(smsCall("silence-4"));
        Thread.sleep(300); // the first all in, and answered for another 0.7 s
        pipelining.send(smsCall("silence-5"));
        String both = pipelining.readResponse(Duration.ofSeconds(5));
        if (both.indexOf("SUCCESSFUL") == both.lastIndexOf("SUCCESSFUL")) {
            both += pipelining.readResponse(Duration.ofSeconds(5));
        }
        Thread.sleep(2_500); // idle for longer than the limit
        String third = pipelining.send(smsCall("silence-6")).readResponse(Duration.ofSeconds(5));

        assertThat(both.split("HTTP/1.1 200", -1)).as("two answers: %s", both).hasSize(3);
        assertThat(both.split("SUCCESSFUL", -1)).hasSize(3);
        assertThat(third).as("kept open after two pipelined calls").startsWith("HTTP/1.1 200").contains("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(3);
        twilio.reset();
    }

    /** An SMS call with the secret, whole, as raw HTTP. */
    private static String smsCall(String eventId) {
        String body = OktaRequest.sms().eventId(eventId).json();
        return "POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + OktaClient.SECRET + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private void callsPastTheAdmittedOnesAreShedAtOnce(OktaClient okta) {
        Duration twilioTakes = Duration.ofMillis(1500);
        twilio.answerAfter(twilioTakes);
        List<Answer> answers = IntStream.range(0, AT_ONCE)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(OktaRequest.sms()), callers)).toList()
                .stream().map(CompletableFuture::join).toList();

        List<Answer> shed = answers.stream().filter(a -> a.metadata().equals("reason=overloaded")).toList();
        // at least the calls past two waves of admitted ones: on a slow machine the last callers may arrive after the
        // first wave was answered
        assertThat(shed).hasSizeGreaterThanOrEqualTo(AT_ONCE - 2 * ADMITTED)
                .allSatisfy(answer -> assertThat(answer.took()).as("shed without waiting for Twilio")
                        .isLessThan(twilioTakes));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.actionStatus()).isIn("SUCCESSFUL", "FAILED");
            assertThat(answer.took()).isLessThan(OKTA_WAITS);
        });
        assertThat(twilio.received()).hasSize(AT_ONCE - shed.size());
        twilio.reset();
    }

    private void oneEventIdIsSentOnce(OktaClient okta, boolean layout) {
        twilio.answerAfter(Duration.ofMillis(300));
        OktaRequest repeated = OktaRequest.voice().eventId("vertx-" + layout);
        List<Answer> repeats = IntStream.range(0, ADMITTED - 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(repeated), callers)).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(twilio.received()).hasSize(1);
        assertThat(repeats).allSatisfy(answer -> assertThat(answer.json()).isEqualTo(repeats.get(0).json()));
        assertThat(repeats.get(0).actionStatus()).isEqualTo("SUCCESSFUL");
        twilio.reset();
    }

    private OktaClient start(Path jar, Map<String, String> environment) throws Exception {
        managementPort = JarProcess.freePort();
        environment.put("HTTP_SERVER", "vertx");
        environment.put("HOOK_MAX_CONCURRENT_CALLS", String.valueOf(ADMITTED));
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        hook = JarProcess.start(jar, elsewhere, environment, "Started TelephonyHookApplication");
        OktaClient okta = new OktaClient(hook.port());
        okta.post(OktaRequest.sms()); // warm: the first call loads the classes of a call's path
        twilio.reset();
        return okta;
    }

    /** The management port's Prometheus scrape. */
    private String scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A status report of this form, signed with a made-up signature: the answer as it came. */
    private String postForm(String form) throws Exception {
        return open("POST /twilio/status HTTP/1.1\r\nHost: localhost\r\nX-Twilio-Signature: " + "A".repeat(27)
                + "=\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\n\r\n" + form).readResponse(Duration.ofSeconds(5));
    }

    private RawHttp open(String start) throws Exception {
        RawHttp connection = new RawHttp(hook.port());
        connections.add(connection);
        return connection.send(start);
    }

    /** A byte every 300 ms: never silent for long, never done. */
    private void trickleBytes(RawHttp connection) {
        trickle.scheduleAtFixedRate(() -> {
            try {
                connection.send(" ");
            } catch (java.io.IOException closed) {
                throw new IllegalStateException(closed); // stops this connection's trickle
            }
        }, 300, 300, TimeUnit.MILLISECONDS);
    }
}
