package io.telephonyhook.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The simulator's two Twilio accounts, the primary and the failover: their auth tokens, which the hook uses with the
 * simulator and the simulator signs each account's status reports with (new at each start and never shown, so no one
 * but the simulator can sign a report the demo hook takes), and demo's outage switch for the primary.
 */
final class SimulatedAccounts {

    private final Map<String, String> tokens = Map.of(TwilioSimulator.ACCOUNT_SID, newAuthToken(),
            TwilioSimulator.FAILOVER_ACCOUNT_SID, newAuthToken());
    private volatile boolean primaryOutage;

    String token(String accountSid) {
        return tokens.get(accountSid);
    }

    void primaryOutage(boolean down) {
        primaryOutage = down;
    }

    /** True when this account answers 503 to everything: the primary, during demo's outage. */
    boolean isDown(String accountSid) {
        return primaryOutage && TwilioSimulator.ACCOUNT_SID.equals(accountSid);
    }

    /** The account of these Basic credentials; null when they are none of them. */
    String authorized(String authorization) {
        for (Map.Entry<String, String> account : tokens.entrySet()) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (account.getKey() + ":" + account.getValue()).getBytes(StandardCharsets.UTF_8));
            if (expected.equals(authorization)) {
                return account.getKey();
            }
        }
        return null;
    }

    private static String newAuthToken() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
