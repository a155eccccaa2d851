package io.telephonyhook.deliveries;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Lua scripts {@link RedisDeliveryLedger} runs in Redis, each one atomic step: storing a delivery, and applying a
 * status report with the same order and history rules as memory ({@link DeliveryStatuses}, {@link DeliveryRecord#after};
 * the ranks are written into the script from {@link DeliveryStatuses}, so there is one list of them).
 */
final class RedisDeliveryScripts {

    /**
     * KEYS: the delivery, its eventId's set, its status's set, the set of every SID. ARGV: the delivery's JSON, the time
     * to live (ms), when it was sent (ms), its SID, how many SIDs a status set keeps, 1 when it has an eventId (0: no
     * eventId set), how many SIDs the set of every SID keeps.
     * Stores nothing when the SID is there already.
     */
    static final String SENT = """
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return 0
            end
            if ARGV[6] == '1' then
              redis.call('SADD', KEYS[2], ARGV[4])
              redis.call('PEXPIRE', KEYS[2], ARGV[2])
            end
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. (tonumber(ARGV[3]) - tonumber(ARGV[2])))
            redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[5]) + 1))
            redis.call('PEXPIRE', KEYS[3], ARGV[2])
            redis.call('ZADD', KEYS[4], ARGV[3], ARGV[4])
            redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. (tonumber(ARGV[3]) - tonumber(ARGV[2])))
            redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(tonumber(ARGV[7]) + 1))
            redis.call('PEXPIRE', KEYS[4], ARGV[2])
            return 1
            """;

    /**
     * KEYS: the delivery. ARGV: the reported status (normalised), its error code or '', when (ms), the status sets'
     * key prefix, the time to live (ms), how many SIDs a status set keeps, the most statuses a history keeps.
     * Answers {-1} for an unknown SID, {0, json} when the report changes nothing, {1, json} when it was recorded.
     */
    static final String REPORT = """
            local RANKS = {sms = %s, voice = %s}
            local FINAL = {sms = %d, voice = %d}
            local raw = redis.call('GET', KEYS[1])
            if not raw then
              return {-1}
            end
            local record = cjson.decode(raw)
            local channel = 'sms'
            if record.channel == 'voice' then channel = 'voice' end
            local ranks = RANKS[channel]
            local current = ranks[record.status] or -1
            local word = ARGV[1]
            local history = record.history
            if type(history) ~= 'table' then history = {} end
            for _, seen in ipairs(history) do
              if seen.status == word then
                return {0, raw}
              end
            end
            local change = {status = word, at = tonumber(ARGV[3])}
            local errorCode = tonumber(ARGV[2])
            if errorCode then change.errorCode = errorCode end
            local isFinal = current == FINAL[channel]
            local rank = ranks[word]
            if (not isFinal) and rank ~= nil and rank > current then
              local previous = 'other'
              if RANKS.sms[record.status] ~= nil or RANKS.voice[record.status] ~= nil then previous = record.status end
              record.status = word
              if errorCode then record.errorCode = errorCode end
              table.insert(history, change)
              redis.call('ZREM', ARGV[4] .. previous, record.sid)
              local set = ARGV[4] .. word
              redis.call('ZADD', set, record.sentAt, record.sid)
              redis.call('ZREMRANGEBYSCORE', set, '-inf', '(' .. (tonumber(ARGV[3]) - tonumber(ARGV[5])))
              redis.call('ZREMRANGEBYRANK', set, 0, -(tonumber(ARGV[6]) + 1))
              redis.call('PEXPIRE', set, ARGV[5])
            else
              if #history >= tonumber(ARGV[7]) then
                return {0, raw}
              end
              if isFinal or rank ~= nil then change.late = true end
              table.insert(history, change)
            end
            record.history = history
            local written = cjson.encode(record)
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl <= 0 then ttl = ARGV[5] end
            redis.call('SET', KEYS[1], written, 'PX', ttl)
            return {1, written}
            """.formatted(lua(DeliveryStatuses.SMS_RANKS), lua(DeliveryStatuses.VOICE_RANKS),
            DeliveryStatuses.SMS_FINAL, DeliveryStatuses.VOICE_FINAL);

    private RedisDeliveryScripts() {
    }

    /** A Lua table of the ranks: {['queued']=2, ...}. Status words are plain words ({@link DeliveryStatuses}). */
    private static String lua(Map<String, Integer> ranks) {
        return ranks.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(rank -> "['" + rank.getKey() + "']=" + rank.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
