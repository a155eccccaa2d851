package io.telephonyhook.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Every way a secret could show up in a log: a code as typed, as the voice script speaks it ({@code 7. 3. 9.}) or
 * spaced out; Okta's secret as sent, as its Base64 payload, and decoded; Twilio's token alone and inside the
 * {@code Basic} header the SDK sends. A log is clean only when it holds none of them.
 */
public final class LeakedForms {

    private LeakedForms() {
    }

    public static List<String> ofCode(String otp) {
        List<String> digits = otp.chars().mapToObj(Character::toString).toList();
        return List.of(otp, String.join(". ", digits), String.join(", ", digits), String.join(" ", digits),
                String.join("-", digits));
    }

    /** Okta's secret ({@link OktaClient#SECRET}, "Basic ...") in each form. */
    public static List<String> ofOktaSecret() {
        String payload = OktaClient.SECRET.substring("Basic ".length());
        return List.of(OktaClient.SECRET, payload, new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    /** The stand-in's Twilio credentials, alone and as the SDK's Basic header carries them. */
    public static List<String> ofTwilioCredentials() {
        List<String> forms = new ArrayList<>();
        for (String[] pair : new String[][] {{TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN},
                {TwilioStandIn.API_KEY_SID, TwilioStandIn.API_KEY_SECRET}}) {
            String basic = TwilioStandIn.basic(pair[0], pair[1]);
            forms.addAll(List.of(pair[1], basic, basic.substring("Basic ".length())));
        }
        return forms;
    }

    /** All of the above for one code. */
    public static List<String> all(String otp) {
        List<String> forms = new ArrayList<>(ofCode(otp));
        forms.addAll(ofOktaSecret());
        forms.addAll(ofTwilioCredentials());
        return forms;
    }
}
