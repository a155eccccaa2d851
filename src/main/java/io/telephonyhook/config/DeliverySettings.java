package io.telephonyhook.config;

import java.time.Duration;

import io.telephonyhook.config.constraints.DurationRange;
import io.telephonyhook.config.constraints.Max;
import io.telephonyhook.config.constraints.Min;
import io.telephonyhook.config.constraints.Size;

/**
 * The messages and calls Twilio accepted, with the statuses it reported for them ({@code hook.deliveries.*},
 * environment variables {@code HOOK_DELIVERIES_*}; package {@code io.telephonyhook.deliveries}).
 */
public class DeliverySettings {

    public static final String PREFIX = "hook.deliveries";
    public static final String DEFAULT_VIEWER_USER = "admin";

    /** The most deliveries each instance keeps in memory (about 1 KB each); past it the first sent goes first. */
    @Min(value = 1, message = "must be between 1 and 1000000.")
    @Max(value = 1_000_000, message = "must be between 1 and 1000000.")
    private Integer max = 5_000;

    /** How long a delivery is kept after it was sent, in memory and in the shared Redis; 1m to 168h (7 days). */
    @DurationRange(min = "1m", max = "7d", message = "must be between 1m and 7 days, like 24h.")
    private Duration ttl = Duration.ofHours(24);

    /** The user name of the delivery page and look-up's HTTP Basic credential. */
    private String viewerUser = DEFAULT_VIEWER_USER;

    /**
     * The secret of the delivery page and look-up's HTTP Basic credential (12 characters or more). Unset in live mode:
     * both are off; in demo mode the demo's own credential (admin:supersecret) opens them.
     */
    @Size(min = 12, message = "must be 12 characters or more.")
    private String viewerSecret;

    public Integer getMax() {
        return max;
    }

    public void setMax(Integer max) {
        this.max = max == null ? this.max : max;
    }

    public Duration getTtl() {
        return ttl;
    }

    public void setTtl(Duration ttl) {
        this.ttl = ttl == null ? this.ttl : ttl;
    }

    public String getViewerUser() {
        return viewerUser;
    }

    public void setViewerUser(String viewerUser) {
        this.viewerUser = viewerUser == null || viewerUser.isBlank() ? this.viewerUser : viewerUser.strip();
    }

    public String getViewerSecret() {
        return viewerSecret;
    }

    public void setViewerSecret(String viewerSecret) {
        this.viewerSecret = viewerSecret == null || viewerSecret.isBlank() ? null : viewerSecret;
    }

    @Override
    public String toString() {
        return "DeliverySettings[max=" + max + ", ttl=" + ttl + ", viewerUser=" + viewerUser + ", viewerSecret="
                + (viewerSecret == null ? "unset" : "****") + "]";
    }
}
