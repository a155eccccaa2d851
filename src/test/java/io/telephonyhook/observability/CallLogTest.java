package io.telephonyhook.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaRequest;

/** One line per call with the fields an operator traces a complaint with, and the eventId on every line of it. */
@ExtendWith(OutputCaptureExtension.class)
class CallLogTest extends HookTestSupport {

    @Test
    void aDeliveredCallLeavesOneLineWithItsFields(CapturedOutput output) {
        okta.post(OktaRequest.sms().eventId("log-ok").phone("+44 7400 123456"));

        List<String> lines = linesOf(output, "eventId=log-ok ");
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("requestType=com.okta.user.telephony.mfa-verification", "channel=sms", "to=+44******3456",
                        "country=GB", "status=SUCCESSFUL", "twilioSid=SM")
                .containsPattern("latencyMs=\\d+")
                .doesNotContain("reason="));
    }

    /**
     * The standalone application's console pattern (application.yaml) is Spring Boot's layout without its colour
     * converters: the same date, level with the eventId, process id, thread and logger columns, and no escape codes.
     */
    @Test
    void theLineKeepsSpringBootsConsoleLayout(CapturedOutput output) {
        okta.post(OktaRequest.sms().eventId("log-layout"));

        assertThat(linesOf(output, "eventId=log-layout ")).singleElement().satisfies(line -> assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)  INFO "
                        + "\\[log-layout] " + ProcessHandle.current().pid() + " --- \\[.{15}] .{40} : eventId=log-layout .*")
                .doesNotContain("\u001b"));
    }

    @Test
    void aRejectedCallCarriesTheReasonAndTwiliosErrorCode(CapturedOutput output) {
        twilio.failWith(400, 21211);

        okta.post(OktaRequest.voice().eventId("log-rejected"));

        assertThat(linesOf(output, "eventId=log-rejected ")).singleElement().satisfies(line -> assertThat(line)
                .contains("channel=voice", "status=FAILED", "reason=twilio-rejected", "twilioError=21211"));
    }

    @Test
    void everyLineOfACallCarriesItsEventId(CapturedOutput output) {
        twilio.failWith(503, 20503); // makes the hook log a warning from the breaker, before the call's line

        okta.post(OktaRequest.sms().eventId("log-traced"));

        List<String> warnings = output.getAll().lines().filter(line -> line.contains("Twilio failed")).toList();
        assertThat(warnings).isNotEmpty().allSatisfy(line -> assertThat(line).contains("[log-traced]"));
        assertThat(linesOf(output, "eventId=log-traced ")).singleElement()
                .satisfies(line -> assertThat(line).contains("[log-traced]"));
    }

    private static List<String> linesOf(CapturedOutput output, String marker) {
        return output.getAll().lines().filter(line -> line.contains(marker)).toList();
    }
}
