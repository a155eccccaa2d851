package io.telephonyhook.camelmain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.telephonyhook.support.OktaAuthorizationServer;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Received;
import io.telephonyhook.twilio.CachedSettersTwilioComponent;
import io.telephonyhook.twilio.CachedSettersTwilioEndpoint;

/**
 * The same routes the jar ships, under plain camel-main (the runtime Camel JBang uses) instead of Spring Boot: the
 * hook's {@link TelephonyHookCamelConfiguration} named the way an application names it, the routes by
 * {@code camel.main.routes-include-pattern}, served by camel-platform-http-main's Vert.x server on a port of its own,
 * in live mode against {@link TwilioStandIn}, with the header secret and OAuth 2.0 access tokens from
 * {@link OktaAuthorizationServer}, and with a senders file and a wording file. Okta's side is real HTTP.
 */
@CamelMainTest(properties = {
        "camel.main.configuration-classes=io.telephonyhook.camelmain.TelephonyHookCamelConfiguration",
        "camel.main.routes-include-pattern=classpath:telephony-hook/routes/*.camel.yaml",
        "twilio.account-sid=" + TwilioStandIn.ACCOUNT_SID,
        "twilio.auth-token=" + TwilioStandIn.AUTH_TOKEN,
        "twilio.from-number=+15017122661",
        "okta.hook.auth.secret=" + OktaClient.SECRET,
        // small, so the 413 test's body stays small; camel.server.maxBodySize is left unset, so Vert.x takes any
        // body and the route's own limit is what answers
        "hook.max-body=4KB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one Camel and one HTTP server for the class
class CamelMainHostTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static final OktaAuthorizationServer authorizationServer = OktaAuthorizationServer.start();

    private final int port = AvailablePortFinder.getNextAvailable();
    private final OktaClient okta = new OktaClient(port);

    @TempDir
    Path folder;

    @BeanInject
    CamelContext camel;

    @Configure
    void servedOnAFreePortAgainstTheStandIn(MainConfigurationProperties main) {
        main.httpServer().withEnabled(true).withPort(port);
        // the stand-in's address is known only now; added before the hook's configuration class, which reads it
        main.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camel) {
                camel.getPropertiesComponent().addOverrideProperty("twilio.api-url", twilio.url().toString());
                camel.getPropertiesComponent().addOverrideProperty("okta.hook.oauth.issuer", authorizationServer.issuer());
                camel.getPropertiesComponent().addOverrideProperty("okta.hook.oauth.audience",
                        OktaAuthorizationServer.AUDIENCE);
                camel.getPropertiesComponent().addOverrideProperty("okta.hook.oauth.client-id",
                        OktaAuthorizationServer.CLIENT_ID);
                camel.getPropertiesComponent().addOverrideProperty("hook.senders-file", file("senders.yaml", """
                        GB:
                          sms: MyBrand
                        """));
                camel.getPropertiesComponent().addOverrideProperty("hook.wording-file", file("wording.yaml", """
                        fr:
                          sms: "ACME : votre code est {code}"
                        """));
            }
        });
    }

    private String file(String name, String yaml) {
        try {
            return Files.writeString(folder.resolve(name), yaml).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void freshStandIn() {
        twilio.reset();
    }

    @Test
    void anSmsIsSentThroughTwilioAndOktaGetsItsSid() {
        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.acceptedSids()).singleElement()
                .satisfies(sid -> assertThat(answer.action().path("transactionId").asText()).isEqualTo(sid))
                .satisfies(sid -> assertThat(sid).startsWith("SM"));
        Received sms = twilio.received().get(0);
        assertThat(sms.path()).isEqualTo("/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages.json");
        assertThat(sms.field("To")).isEqualTo("+14155552671");
        assertThat(sms.field("From")).isEqualTo("+15017122661");
        assertThat(sms.field("Body")).isEqualTo("Your verification code is 482913");
    }

    @Test
    void camelTwilioSendsThroughTheHooksCachedEndpointsWithTheAutowiredRestClient() {
        assertThat(okta.post(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL");

        assertThat(camel.getComponent("twilio")).isInstanceOfSatisfying(CachedSettersTwilioComponent.class,
                twilio -> assertThat(twilio.getRestClient()).as("autowired, as upstream's").isNotNull());
        assertThat(camel.getEndpoints()).map(Endpoint::getEndpointUri).contains("twilio://message/create");
        assertThat(camel.getEndpoints()).filteredOn(endpoint -> endpoint.getEndpointUri().startsWith("twilio:"))
                .allMatch(CachedSettersTwilioEndpoint.class::isInstance);
    }

    @Test
    void theSendersAndWordingFilesWorkHereToo() {
        Answer answer = okta.post(OktaRequest.sms().phone("+447400123456").locale("fr-FR").withoutProfileField("msgTemplate"));

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        Received sms = twilio.received().get(0);
        assertThat(sms.field("From")).isEqualTo("MyBrand");
        assertThat(sms.field("Body")).isEqualTo("ACME : votre code est 482913");
    }

    @Test
    void aVoiceCallIsPlacedThroughTwilioAndOktaGetsItsSid() {
        Answer answer = okta.post(OktaRequest.voice());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.acceptedSids()).singleElement()
                .satisfies(sid -> assertThat(answer.action().path("transactionId").asText()).isEqualTo(sid))
                .satisfies(sid -> assertThat(sid).startsWith("CA"));
        Received call = twilio.received().get(0);
        assertThat(call.path()).endsWith("/Calls.json");
        assertThat(call.field("To")).isEqualTo("+14155552671");
        assertThat(call.field("Twiml").split("4\\. 8\\. 2\\. 9\\. 1\\. 3\\.", -1)).hasSize(3); // said twice
    }

    @Test
    void aRepeatedEventIdIsAnsweredAsTheFirstWithoutASecondSms() {
        OktaRequest request = OktaRequest.sms().eventId("repeated-under-camel-main");

        Answer answer = okta.post(request);
        Answer repeat = okta.post(request);

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(repeat.json()).isEqualTo(answer.json());
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void noSecretIs401WithOktasErrorAndNothingIsSent() {
        Answer answer = okta.post(OktaRequest.sms().json(), null, null);

        OktaShape.assertError(answer, 401, "UNAUTHORIZED");
        assertThat(twilio.received()).isEmpty();
    }

    /** No servlet gate here: the route's own first step checks the token. */
    @Test
    void anOAuthAccessTokenPasses() {
        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization", "Bearer " + authorizationServer.accessToken());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void anOAuthAccessTokenForAnotherAudienceIs401AndNothingIsSent() {
        String token = OktaAuthorizationServer.sign(authorizationServer.claims().audience("api://default").build(),
                authorizationServer.signingKey());

        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization", "Bearer " + token);

        OktaShape.assertError(answer, 401, "UNAUTHORIZED");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void noMessageProfileIs400WithOktasError() {
        Answer answer = okta.post(OktaRequest.sms().withoutMessageProfile());

        OktaShape.assertError(answer, 400, "INVALID_REQUEST");
        assertThat(answer.json().at("/error/errorCauses/0/location").asText()).isEqualTo("data.messageProfile");
        assertThat(twilio.received()).isEmpty();
    }

    /** Vert.x hands the route the bytes as they arrived: the reader itself refuses what is not UTF-8. */
    @Test
    void bytesThatAreNotUtf8InTheCodeAre400FromTheRoute() {
        byte[] json = OktaRequest.sms().otp("4829zz").template("Your code").json().getBytes(StandardCharsets.UTF_8);
        int at = new String(json, StandardCharsets.UTF_8).indexOf("4829zz") + 4;
        json[at] = (byte) 0xC3; // a lead byte,
        json[at + 1] = 0x28; // and "(" where its continuation should be

        Answer answer = okta.post(json, "application/json");

        OktaShape.assertError(answer, 400, "INVALID_REQUEST");
        assertThat(answer.json().at("/error/errorCauses/0/errorSummary").asText()).isEqualTo("body is not valid UTF-8");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aCharsetOtherThanUtf8Is415FromTheRoute() {
        Answer answer = okta.post(OktaRequest.sms().json().getBytes(StandardCharsets.UTF_8),
                "application/json; charset=ISO-8859-1");

        OktaShape.assertError(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aCodeWithAnExponentIs400SayingSo() {
        Answer answer = okta.post(OktaRequest.sms().otp("exponent").template("Your code").json()
                .replace("\"exponent\"", "1e3"), "Authorization", OktaClient.SECRET);

        OktaShape.assertError(answer, 400, "INVALID_REQUEST");
        assertThat(answer.json().at("/error/errorCauses/0/errorSummary").asText())
                .isEqualTo("data.messageProfile.otpCode is not a whole number written in digits");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aChannelThatOnlyContainsOktasSpellingIsAnUnknownChannel() {
        Answer answer = okta.post(OktaRequest.sms().channel("callback please SMS"));

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=unknown-channel");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aBodyOverTheHooksLimitIs413WithOktasErrorFromTheRoute() {
        Answer answer = okta.post(OktaRequest.sms().template("482913 " + "x".repeat(5 * 1024)));

        OktaShape.assertError(answer, 413, "HTTP_413");
        assertThat(twilio.received()).isEmpty();
    }
}
