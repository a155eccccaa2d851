package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaRequest;

/** Whatever goes wrong at the HTTP level, the answer is JSON in Okta's error shape: never an HTML page. */
class HttpErrorsTest extends HookTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWrongMethodIs405Json() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(okta.hookUrl()).header("Accept", "text/html").GET());

        assertThat(response.statusCode()).isEqualTo(405);
        assertOktaErrorJson(response, "METHOD_NOT_ALLOWED");
    }

    @Test
    void anUnknownPathIs404Json() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(okta.hookUrl().resolve("/nothing-here"))
                .header("Accept", "text/html,application/xhtml+xml").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertOktaErrorJson(response, "NOT_FOUND");
    }

    @Test
    void aCallerAskingForHtmlStillGetsOktasJson() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(okta.hookUrl())
                .header("Accept", "text/html").header("Content-Type", "application/json")
                .header("Authorization", OktaClient.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(OktaRequest.sms().json())));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"status\":\"SUCCESSFUL\"");
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIs415AfterAuthentication() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(okta.hookUrl())
                .header("Content-Type", "text/plain").header("Authorization", OktaClient.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(OktaRequest.sms().json())));

        assertThat(response.statusCode()).isEqualTo(415);
        assertOktaErrorJson(response, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void anUnauthenticatedCallerLearnsOnly401WhateverItSends() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(okta.hookUrl())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void jsonWithACharsetIsJson() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(okta.hookUrl())
                .header("Content-Type", "application/json; charset=UTF-8").header("Authorization", OktaClient.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(OktaRequest.sms().json())));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"SUCCESSFUL\"");
        assertThat(twilio.received()).singleElement()
                .satisfies(sms -> assertThat(sms.field("Body")).contains(OktaRequest.OTP));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertOktaErrorJson(HttpResponse<String> response, String reason) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Whitelabel").doesNotContain("trace");
        var json = new ObjectMapper().readTree(response.body());
        assertThat(json.at("/error/errorSummary").asText()).isNotBlank();
        assertThat(json.at("/error/errorCauses/0/reason").asText()).isEqualTo(reason);
    }
}
