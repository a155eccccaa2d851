package io.telephonyhook.okta;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Okta's telephony command, the only 200 body Okta acts on:
 * {@code {"commands":[{"type":"com.okta.telephony.action","value":[{"status":"SUCCESSFUL",...}]}]}}.
 */
public record OktaCommandResponse(List<Command> commands) {

    public static final String ACTION_TYPE = "com.okta.telephony.action";

    public record Command(String type, List<Action> value) {
    }

    /** {@code status} is exactly SUCCESSFUL or FAILED; the rest is for the admin's tracing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String status, String provider, String transactionId, String transactionMetadata) {
    }

    public static OktaCommandResponse of(Action action) {
        return new OktaCommandResponse(List.of(new Command(ACTION_TYPE, List.of(action))));
    }
}
