package io.telephonyhook.delivery;

import java.time.Clock;
import java.util.Set;

import io.telephonyhook.config.HookSettings;
import io.telephonyhook.okta.Channel;

/**
 * The call's deadline and what is refused before Twilio is called: the route beans {@value #HOOK_DEADLINES} and
 * {@value #DELIVERABILITY_CHECK}.
 */
public final class CallFlowSteps {

    public static final String HOOK_DEADLINES = "hookDeadlines";
    public static final String DELIVERABILITY_CHECK = "deliverabilityCheck";

    private CallFlowSteps() {
    }

    /** @param arrival how the host knows when a request arrived ({@link CallDeadlines.Arrival#UNKNOWN} if it does not) */
    public static CallDeadlines deadlines(HookSettings settings, CallDeadlines.Arrival arrival) {
        return new CallDeadlines(settings.getDeadline(), arrival);
    }

    /** @param configuredChannels the channels a sender is configured for */
    public static DeliverabilityCheck deliverabilityCheck(Set<Channel> configuredChannels) {
        return new DeliverabilityCheck(Clock.systemUTC(), configuredChannels);
    }
}
