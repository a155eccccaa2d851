package io.telephonyhook.dedup;

/** The shared ledger (Redis) could not answer in time; the call goes on without it. */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
