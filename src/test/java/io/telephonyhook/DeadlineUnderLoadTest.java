package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn.Accepted;
import io.telephonyhook.support.TwilioStandIn.Received;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * Many calls at once while Twilio misbehaves: every one gets a well-formed answer within HOOK_DEADLINE (2500 ms)
 * + 100 ms, and every SUCCESSFUL is exactly one message Twilio accepted. The one way a message can go out behind a
 * FAILED is Twilio accepting it just as the deadline ends the wait; then the reason says {@code deadline}.
 */
class DeadlineUnderLoadTest extends HookTestSupport {

    private static final Duration IN_TIME = Duration.ofMillis(2600);

    private final ExecutorService callers = Executors.newFixedThreadPool(200);

    @BeforeEach
    void warmUp() {
        // As in service: threads started, connections open, code compiled.
        calls(200, i -> OktaRequest.sms().eventId("warm-up-" + i));
        twilio.reset();
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void fiftyCallsToAHangingTwilioAreAllAnsweredFailedAtTheDeadline() {
        twilio.script(request -> Reply.hang());

        List<Answer> answers = calls(50, i -> OktaRequest.voice().eventId("hang-" + i));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.actionStatus()).isEqualTo("FAILED");
            assertThat(answer.metadata()).isIn("reason=deadline", "reason=circuit-open");
            assertThat(answer.took()).isLessThan(IN_TIME);
        });
    }

    @Test
    void twoHundredCallsAgainstAMixOfFaults() {
        twilio.script(TwoHundredCalls::replyFor);

        List<Answer> answers = calls(200, TwoHundredCalls::request);

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.actionStatus()).isIn("SUCCESSFUL", "FAILED");
            assertThat(answer.json().at("/commands/0/type").asText()).isEqualTo("com.okta.telephony.action");
            assertThat(answer.took()).isLessThan(IN_TIME);
        });
        Map<String, List<Accepted>> sentTo = twilio.accepted().stream().collect(Collectors.groupingBy(Accepted::to));
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            List<Accepted> sent = sentTo.getOrDefault(TwoHundredCalls.number(i), List.of());
            if (answer.actionStatus().equals("SUCCESSFUL")) {
                assertThat(sent).as("messages behind SUCCESSFUL call %d", i).singleElement()
                        .extracting(Accepted::sid).isEqualTo(answer.action().path("transactionId").asText());
            } else if (!sent.isEmpty()) {
                assertThat(sent).as("messages behind FAILED call %d", i).hasSize(1);
                assertThat(answer.metadata()).isEqualTo("reason=deadline");
            }
        }
        assertThat(answers).anyMatch(answer -> answer.actionStatus().equals("SUCCESSFUL"));
    }

    /** Call i goes to +1415555 followed by four digits ending in i % 6, which picks Twilio's reply. */
    private static final class TwoHundredCalls {

        static OktaRequest request(int i) {
            return (i % 2 == 0 ? OktaRequest.sms() : OktaRequest.voice()).eventId("mix-" + i).phone(number(i));
        }

        static String number(int i) {
            return "+1415555%04d".formatted(1000 + i);
        }

        static Reply replyFor(Received request) {
            return switch (request.field("To").charAt(request.field("To").length() - 1) % 6) {
                case 0 -> Reply.accept();
                case 1 -> Reply.acceptAfter(Duration.ofSeconds(2));
                case 2 -> Reply.error(500, 20500);
                case 3 -> Reply.error(429, 20429);
                case 4 -> Reply.hang();
                default -> Reply.dropConnection();
            };
        }
    }

    /** {@code count} calls at once; the bodies are made first, so making them does not delay the sending. */
    private List<Answer> calls(int count, IntFunction<OktaRequest> request) {
        List<OktaRequest> requests = IntStream.range(0, count).mapToObj(request).toList();
        List<CompletableFuture<Answer>> inFlight = requests.stream()
                .map(body -> CompletableFuture.supplyAsync(() -> okta.post(body), callers))
                .toList();
        return inFlight.stream().map(CompletableFuture::join).toList();
    }
}
