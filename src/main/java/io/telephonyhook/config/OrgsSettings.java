package io.telephonyhook.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Several Okta orgs on one hook ({@code hook.orgs.*}, environment variables {@code HOOK_ORGS_*}): docs/orgs.md. */
public class OrgsSettings {

    public static final String PREFIX = "hook.orgs";

    /**
     * The orgs file: the Okta orgs this hook serves, each by a short id at the end of its URL
     * ({@code HOOK_PATH/<id>}), with its own credentials and optionally its own Twilio account, senders, allowed
     * countries and rate limits. Read at start and again whenever it changes. Unset: the hook serves one org, on
     * {@code HOOK_PATH}, with the settings of this page.
     */
    private String file;

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = Blank.orNull(file);
    }

    /** {@link #getFile()} as a path; null when unset. */
    public Path path() {
        if (file == null) {
            return null;
        }
        try {
            return Path.of(file);
        } catch (InvalidPathException notAPath) {
            throw new InvalidSettingsException("HOOK_ORGS_FILE (hook.orgs.file) is '" + file.replaceAll("\\p{Cntrl}", "?")
                    + "', which is not a file path: " + notAPath.getReason() + ".");
        }
    }

    @Override
    public String toString() {
        return "OrgsSettings[file=" + file + "]";
    }
}
