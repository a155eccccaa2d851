package io.telephonyhook;

import java.util.List;

/**
 * The ids in {@code routes/*.camel.yaml} that Java code refers to, named once here ({@code RouteNamesTest} checks them
 * against the routes): every route, node, breaker and {@code direct:} id of the hook starts with {@value #PREFIX}.
 */
public final class HookRoutes {

    public static final String PREFIX = "telephony-hook";
    /** The route that serves Okta's calls. */
    public static final String HOOK_ROUTE = "telephony-hook";
    public static final String SMS_BREAKER = "telephony-hook-twilio-sms";
    public static final String VOICE_BREAKER = "telephony-hook-twilio-voice";
    public static final List<String> BREAKERS = List.of(SMS_BREAKER, VOICE_BREAKER);

    private HookRoutes() {
    }
}
