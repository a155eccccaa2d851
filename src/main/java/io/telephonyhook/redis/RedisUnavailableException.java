package io.telephonyhook.redis;

/** The shared Redis could not answer in time, or there is no connection to it; the call goes on without it. */
public class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
