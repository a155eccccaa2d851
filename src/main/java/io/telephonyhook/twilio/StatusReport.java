package io.telephonyhook.twilio;

import java.time.Instant;

/**
 * One status Twilio reported, after its signature was checked.
 *
 * @param sid       the message ({@code SM…}) or call ({@code CA…})
 * @param channel   {@code sms} or {@code voice}
 * @param status    Twilio's word: {@code sent}, {@code delivered}, {@code undelivered}, {@code completed}, ...
 * @param errorCode Twilio's {@code ErrorCode} (30003 unreachable, 30007 carrier filtered, ...); null when none
 * @param at        when the hook received it
 * @param account   the account whose token signed it: {@code primary} or {@code failover}
 */
public record StatusReport(String sid, String channel, String status, Integer errorCode, Instant at, String account) {
}
