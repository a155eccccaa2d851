package io.telephonyhook.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

import io.telephonyhook.config.constraints.DurationRange;
import io.telephonyhook.config.constraints.Min;
import io.telephonyhook.config.constraints.Pattern;
import io.telephonyhook.config.constraints.SizeRange;

/**
 * The hook's own settings ({@code hook.*}, environment variables {@code HOOK_*}), the same in every host. The
 * settings of each feature have a type of their own beside this one ({@link DedupSettings}, {@link PumpingSettings},
 * ...); {@link Settings} holds them all.
 */
public class HookSettings {

    public static final String PREFIX = "hook";
    /** Where the library keeps its routes: a folder of their own, so no application's pattern loads them by accident. */
    public static final String SHIPPED_ROUTES = "classpath:telephony-hook/routes/*.camel.yaml";

    /** Spring Boot hosts: false and the hook adds nothing to the application. */
    private Boolean enabled = true;

    /** Where Okta POSTs, under the host's camel.rest.context-path if it has one. */
    @Pattern(regexp = "/.*", message = "must start with '/', like /telephonyHook.")
    private String path = "/telephonyHook";

    /**
     * Spring Boot hosts: where the hook's routes are; e.g. file:/etc/hook/routes/*.camel.yaml to run edited routes
     * without rebuilding.
     */
    private String routes = SHIPPED_ROUTES;

    /** The region (ISO 3166) a number Okta sends without a country code is read in. */
    private String defaultRegion = "US";

    /**
     * The SMS text when Okta's msgTemplate does not contain the code and HOOK_WORDING_FILE has none for the user's
     * locale; {code} is replaced by the code.
     */
    private String smsTemplate = "Your verification code is {code}";

    /** When, after a request arrives, Okta must have its answer; at most 3000ms (Okta waits 3 s). */
    @DurationRange(min = "0", minExclusive = true, max = "3000ms",
            message = "must be more than 0 and at most 3000ms: Okta waits 3 s.")
    private Duration deadline = Duration.ofMillis(2500);

    /** Larger request bodies get 413 (Okta's are about 1 KB); 1KB to 16MB. */
    @SizeRange(min = 1024, max = 16L * 1024 * 1024,
            message = "must be between 1KB and 16MB (Okta's requests are about 1KB).")
    private String maxBody = "64KB";

    /**
     * The hook's public base URL, e.g. https://hooks.example.com: each SMS and call asks Twilio to report its status
     * to {HOOK_PUBLIC_URL}/twilio/status. Unset: no reports (demo mode reports to its own port without it).
     */
    private String publicUrl;

    /**
     * Calls served at once: past them a call is answered FAILED at once (reason=overloaded) so Okta sends the code
     * itself, instead of queueing into its deadline.
     */
    @Min(value = 1, message = "must be at least 1.")
    private Integer maxConcurrentCalls = 200;

    /** A YAML file of senders by the destination's country; read at start-up. Unset: the TWILIO_ senders. */
    private String sendersFile;

    /** A YAML file of SMS and voice wording by locale; read at start-up. Unset: the built-in wording. */
    private String wordingFile;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled == null ? this.enabled : enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = Blank.or(path, this.path);
    }

    public String getRoutes() {
        return routes;
    }

    public void setRoutes(String routes) {
        this.routes = Blank.or(routes, this.routes);
    }

    public String getDefaultRegion() {
        return defaultRegion;
    }

    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = Blank.or(defaultRegion, this.defaultRegion);
    }

    public String getSmsTemplate() {
        return smsTemplate;
    }

    public void setSmsTemplate(String smsTemplate) {
        this.smsTemplate = Blank.or(smsTemplate, this.smsTemplate);
    }

    public Duration getDeadline() {
        return deadline;
    }

    public void setDeadline(Duration deadline) {
        this.deadline = deadline == null ? this.deadline : deadline;
    }

    public String getMaxBody() {
        return maxBody;
    }

    public void setMaxBody(String maxBody) {
        this.maxBody = Blank.or(maxBody, this.maxBody);
    }

    /** {@link #getMaxBody()} in bytes. */
    public long maxBodyBytes() {
        return DataSizes.bytes(maxBody);
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = Blank.orNull(publicUrl);
    }

    /** {@link #getPublicUrl()} checked and without a trailing slash; null when unset. */
    public URI publicUri() {
        return Urls.publicUrl(publicUrl);
    }

    public Integer getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls == null ? this.maxConcurrentCalls : maxConcurrentCalls;
    }

    public String getSendersFile() {
        return sendersFile;
    }

    public void setSendersFile(String sendersFile) {
        this.sendersFile = Blank.orNull(sendersFile);
    }

    public String getWordingFile() {
        return wordingFile;
    }

    public void setWordingFile(String wordingFile) {
        this.wordingFile = Blank.orNull(wordingFile);
    }

    /** {@link #getSendersFile()} as a path; null when unset. */
    public Path sendersPath() {
        return path(sendersFile, "hook.senders-file");
    }

    /** {@link #getWordingFile()} as a path; null when unset. */
    public Path wordingPath() {
        return path(wordingFile, "hook.wording-file");
    }

    private static Path path(String value, String key) {
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException notAPath) {
            throw new InvalidSettingsException(SettingKeys.environmentVariable(key) + " (" + key + ") is '"
                    + value.replaceAll("\\p{Cntrl}", "?") + "', which is not a file path: " + notAPath.getReason() + ".");
        }
    }

    @Override
    public String toString() {
        return "HookSettings[path=" + path + ", defaultRegion=" + defaultRegion + ", deadline=" + deadline
                + ", maxBody=" + maxBody + ", publicUrl=" + publicUrl + ", maxConcurrentCalls=" + maxConcurrentCalls
                + ", sendersFile=" + sendersFile + ", wordingFile=" + wordingFile + "]";
    }
}
