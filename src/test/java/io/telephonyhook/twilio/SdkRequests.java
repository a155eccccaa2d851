package io.telephonyhook.twilio;

import java.net.URI;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;

import io.telephonyhook.support.TwilioStandIn;

/** The Twilio SDK's request for one SMS on the stand-in's account, as the hook's clients send it. */
final class SdkRequests {

    private SdkRequests() {
    }

    static Request sms(URI twilio) {
        Request request = new Request(HttpMethod.POST, twilio + "/2010-04-01/Accounts/"
                + TwilioStandIn.ACCOUNT_SID + "/Messages.json");
        request.setAuth(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN);
        request.addPostParam("To", "+14155552671");
        request.addPostParam("From", "+15017122661");
        request.addPostParam("Body", "Your verification code is 482913");
        return request;
    }
}
