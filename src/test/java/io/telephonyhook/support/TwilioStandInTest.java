package io.telephonyhook.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stand-in takes the senders Twilio takes and refuses the rest: a test that passes against it then says
 * something about Twilio. Plain HTTP, as Twilio's SDK sends it.
 */
class TwilioStandInTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"+447700900123", "MyBrand", "ACME Bank", "A", "Brand2024", "ABCDEFGHIJK", "1st Bank"})
    void anSmsMayComeFromANumberOrAnAlphanumericSenderId(String from) throws Exception {
        assertThat(post("Messages", "From", from, "Body", "Your code is 482913").statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCDEFGHIJKL", "12345", "My-Brand", "Brand!", "Bränd", "   ", "+44 7700 900123",
            "whatsapp:+447700900123", "447700900123"})
    void anSmsFromAnythingElseIsRefusedAsTwilioDoes(String from) throws Exception {
        HttpResponse<String> answer = post("Messages", "From", from, "Body", "Your code is 482913");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(from.isBlank() ? "21603" : "21212");
    }

    @Test
    void aCallComesFromANumberOnly() throws Exception {
        assertThat(post("Calls", "From", "+447700900123", "Twiml", "<Response/>").statusCode()).isEqualTo(201);

        HttpResponse<String> alphanumeric = post("Calls", "From", "MyBrand", "Twiml", "<Response/>");
        assertThat(alphanumeric.statusCode()).isEqualTo(400);
        assertThat(alphanumeric.body()).contains("21212");
    }

    private static HttpResponse<String> post(String resource, String... fields) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("To=" + URLEncoder.encode("+447400123456", StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(twilio.url().resolve(
                        "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/" + resource + ".json"))
                .header("Authorization", TwilioStandIn.basic(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
