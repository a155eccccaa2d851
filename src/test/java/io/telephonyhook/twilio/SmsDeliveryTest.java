package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Received;

class SmsDeliveryTest extends HookTestSupport {

    @Test
    void sendsTheCodeThroughTwilioAndAnswersOktaWithTheMessageSid() {
        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(twilio.received()).hasSize(1);
        Received sms = twilio.received().get(0);
        assertThat(sms.method()).isEqualTo("POST");
        assertThat(sms.path()).isEqualTo("/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages.json");
        assertThat(sms.field("To")).isEqualTo("+14155552671");
        assertThat(sms.field("From")).isEqualTo("+15017122661");
        assertThat(sms.field("Body")).isEqualTo("Your verification code is 482913");
        assertThat(sms.authorization()).startsWith("Basic ");

        assertThat(answer.json().path("commands")).hasSize(1);
        assertThat(answer.json().at("/commands/0/type").asText()).isEqualTo("com.okta.telephony.action");
        assertThat(answer.json().at("/commands/0/value").isArray()).isTrue();
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.action().path("provider").asText()).isEqualTo("TWILIO");
        assertThat(answer.action().path("transactionId").asText()).startsWith("SM").hasSize(34);
        assertThat(answer.metadata()).isEqualTo("twilioStatus=queued");
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void validityPeriodIsWhatIsLeftOfTheCodesLife() {
        okta.post(OktaRequest.sms().expiresIn(Duration.ofMinutes(5)));

        int validity = Integer.parseInt(twilio.received().get(0).field("ValidityPeriod"));
        assertThat(validity).isBetween(290, 300);
    }

    @Test
    void validityPeriodStaysWithinTwiliosLimit() {
        okta.post(OktaRequest.sms().expiresIn(Duration.ofDays(2)));

        assertThat(twilio.received().get(0).field("ValidityPeriod")).isEqualTo("36000");
    }

    @Test
    void oktasOwnWordingIsSentWhenItContainsTheCode() {
        okta.post(OktaRequest.sms().template("(ACME) 482913 is your sign-in code. Expires in 5 minutes."));

        assertThat(twilio.received().get(0).field("Body"))
                .isEqualTo("(ACME) 482913 is your sign-in code. Expires in 5 minutes.");
    }

    @Test
    void theConfiguredTemplateIsUsedWhenOktasTextLacksTheCode() {
        okta.post(OktaRequest.sms().template("Your code is ready"));

        assertThat(twilio.received().get(0).field("Body")).isEqualTo("Your verification code is 482913");
    }

    @Test
    void theConfiguredTemplateIsUsedWhenOktaSendsNoText() {
        okta.post(OktaRequest.sms().withoutProfileField("msgTemplate"));

        assertThat(twilio.received().get(0).field("Body")).isEqualTo("Your verification code is 482913");
    }
}
