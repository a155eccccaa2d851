package io.telephonyhook.config;

/**
 * Demo mode's own switches ({@code hook.demo.*}, environment variables {@code HOOK_DEMO_*}); they change nothing in
 * live mode.
 */
public class DemoSettings {

    public static final String PREFIX = "hook.demo";

    /**
     * Demo mode: the simulated primary Twilio account answers every request 503, so a code goes out through the
     * simulated failover account, as it would in a Twilio outage.
     */
    private Boolean primaryOutage = false;

    public Boolean getPrimaryOutage() {
        return primaryOutage;
    }

    public void setPrimaryOutage(Boolean primaryOutage) {
        this.primaryOutage = primaryOutage == null ? this.primaryOutage : primaryOutage;
    }

    @Override
    public String toString() {
        return "DemoSettings[primaryOutage=" + primaryOutage + "]";
    }
}
