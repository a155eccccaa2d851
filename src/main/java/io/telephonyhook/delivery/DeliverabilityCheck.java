package io.telephonyhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.ExchangeProperty;

import io.telephonyhook.okta.Channel;
import io.telephonyhook.okta.OtpRequest;

/**
 * Refuses, before Twilio is called, what cannot be delivered: a number libphonenumber calls invalid, a code that is
 * not 4 to 10 digits or has already expired, a channel the hook has no sender for, or a call that waited so long it
 * has no time left for Twilio. An unknown channel is the route's router's call.
 */
public class DeliverabilityCheck {

    /** Less than this left of the deadline and a Twilio request could only time out. */
    static final Duration LEAST_TIME_FOR_TWILIO = Duration.ofMillis(300);
    private static final Pattern OTP_CODE = Pattern.compile("[0-9]{4,10}");

    private final Clock clock;
    private final Set<Channel> configuredChannels;

    public DeliverabilityCheck(Clock clock, Set<Channel> configuredChannels) {
        this.clock = clock;
        this.configuredChannels = Set.copyOf(configuredChannels);
    }

    /** The refusal, or null when the request may go to Twilio. */
    public DeliveryOutcome refusal(@ExchangeProperty("otpRequest") OtpRequest request,
                                   @ExchangeProperty("deadline") CallDeadline deadline) {
        if (deadline != null && deadline.remaining().compareTo(LEAST_TIME_FOR_TWILIO) < 0) {
            // Queued too long already: not Twilio's fault, so it must not reach (and open) the circuit breaker.
            return DeliveryOutcome.failed(FailureReason.DEADLINE);
        }
        if (!OTP_CODE.matcher(request.otpCode()).matches()) {
            return DeliveryOutcome.failed(FailureReason.INVALID_CODE);
        }
        if (!request.hasValidNumber()) {
            return DeliveryOutcome.failed(FailureReason.INVALID_NUMBER);
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            return DeliveryOutcome.failed(FailureReason.EXPIRED);
        }
        if (request.channel() != Channel.UNKNOWN && !configuredChannels.contains(request.channel())) {
            return DeliveryOutcome.failed(FailureReason.CHANNEL_NOT_CONFIGURED);
        }
        return null;
    }

    /** The router's answer to a {@code deliveryChannel} it does not recognise. */
    public DeliveryOutcome unknownChannel() {
        return DeliveryOutcome.failed(FailureReason.UNKNOWN_CHANNEL);
    }
}
