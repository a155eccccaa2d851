package io.telephonyhook.twilio;

import java.util.EnumSet;
import java.util.Set;

import io.telephonyhook.okta.Channel;

/**
 * Who codes come from: SMS through a Messaging Service or from a number, calls from a number.
 *
 * @param fromNumber          E.164 sender and caller id; null when only a Messaging Service is configured
 * @param messagingServiceSid MG…; null when not configured
 */
public record TwilioSenders(String fromNumber, String messagingServiceSid) {

    /** The channels the hook can send on: SMS needs either sender, a call needs a number. */
    public Set<Channel> configuredChannels() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (fromNumber != null || messagingServiceSid != null) {
            channels.add(Channel.SMS);
        }
        if (fromNumber != null) {
            channels.add(Channel.VOICE);
        }
        return channels;
    }
}
