package io.telephonyhook.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioCallback;
import io.telephonyhook.support.TwilioStandIn;

/** With HOOK_PUBLIC_URL, Twilio is asked for status reports, and only reports Twilio signed for that URL are taken. */
class StatusCallbackTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static LiveHook hook;
    private static URI callbackUrl;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        hook = LiveHook.start(twilio, Map.of("server.port", String.valueOf(port),
                "hook.public-url", "http://127.0.0.1:" + port));
        callbackUrl = URI.create("http://127.0.0.1:" + port + "/twilio/status");
    }

    @AfterAll
    static void stop() {
        hook.close();
    }

    @BeforeEach
    void fresh() {
        twilio.reset();
    }

    @Test
    void smsAndCallsAskTwilioForStatusReports() {
        hook.okta().post(OktaRequest.sms());
        hook.okta().post(OktaRequest.voice());

        assertThat(twilio.received()).hasSize(2)
                .allSatisfy(sent -> assertThat(sent.field("StatusCallback")).isEqualTo(callbackUrl.toString()));
    }

    @Test
    void aSignedReportIsTaken() {
        Answer sms = hook.okta().post(OktaRequest.sms());
        String sid = sms.action().path("transactionId").asText();

        HttpResponse<String> answer = TwilioCallback.postSigned(callbackUrl, TwilioCallback.smsStatus(sid, "delivered", null));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void unsignedWronglySignedSignedForAnotherUrlOrForNoAccountIs403() {
        Map<String, String> form = TwilioCallback.smsStatus("SM" + "0".repeat(32), "delivered", null);

        HttpResponse<String> unsigned = TwilioCallback.post(callbackUrl, form, null);
        HttpResponse<String> wrong = TwilioCallback.post(callbackUrl, form,
                TwilioCallback.signature("another-token", callbackUrl.toString(), form));
        HttpResponse<String> elsewhere = TwilioCallback.post(callbackUrl, form,
                TwilioCallback.signature(TwilioStandIn.AUTH_TOKEN, "https://elsewhere.example.com/twilio/status", form));
        Map<String, String> noAccount = new java.util.LinkedHashMap<>(form);
        noAccount.remove("AccountSid");
        HttpResponse<String> nobodys = TwilioCallback.post(callbackUrl, noAccount,
                TwilioCallback.signature(TwilioStandIn.AUTH_TOKEN, callbackUrl.toString(), noAccount));

        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(nobodys.statusCode()).as("a report naming no account: " + nobodys.body()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("Content-Type")).hasValue("application/json");
    }
}
