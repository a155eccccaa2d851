package io.telephonyhook.twilio;

import java.time.Instant;
import java.util.Set;

/**
 * One status Twilio reported, after its signature was checked.
 *
 * @param sid       the message ({@code SM…}) or call ({@code CA…})
 * @param channel   {@code sms} or {@code voice}
 * @param status    Twilio's word: {@code sent}, {@code delivered}, {@code undelivered}, {@code completed}, ...
 * @param errorCode Twilio's {@code ErrorCode} (30003 unreachable, 30007 carrier filtered, ...); null when none
 * @param at        when the hook received it
 * @param accounts  the hook's names for the Twilio account whose token signed it: {@code primary} or {@code failover},
 *                  or an org's ({@code HOOK_ORGS_FILE}); more than one when orgs name the same Twilio account
 */
public record StatusReport(String sid, String channel, String status, Integer errorCode, Instant at,
                           Set<String> accounts) {

    public StatusReport {
        accounts = Set.copyOf(accounts);
    }

    /** Whether the token of the account the hook knows by this name signed it. */
    public boolean signedBy(String account) {
        return accounts.contains(account);
    }
}
