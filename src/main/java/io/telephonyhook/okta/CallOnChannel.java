package io.telephonyhook.okta;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Whether the call asks for one channel: the route's choice between SMS and voice ({@code ref: smsCall},
 * {@code ref: voiceCall}), read from the exchange property {@code otpRequest}. Simple's
 * {@code ${exchangeProperty.otpRequest.channel} == 'SMS'} said the same, but calls the getter through the bean
 * language, which copies the exchange, and then converts the text to the enum at every call.
 */
public final class CallOnChannel implements Predicate {

    private final Channel channel;

    public CallOnChannel(Channel channel) {
        this.channel = channel;
    }

    @Override
    public boolean matches(Exchange exchange) {
        OtpRequest request = exchange.getProperty("otpRequest", OtpRequest.class);
        return request != null && request.channel() == channel;
    }

    @Override
    public String toString() {
        return "otpRequest.channel == " + channel;
    }
}
