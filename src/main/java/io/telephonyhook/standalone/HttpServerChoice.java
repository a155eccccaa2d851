package io.telephonyhook.standalone;

import java.util.Locale;

import org.springframework.core.env.Environment;

import io.telephonyhook.config.InvalidSettingsException;

/**
 * The server Okta's port runs on in the standalone application: {@code HTTP_SERVER} ({@code standalone.http-server},
 * application.yaml), Vert.x by default ({@link VertxOktaPort}: about half of Tomcat's CPU per call,
 * docs/performance.md) or Tomcat. Read when the application starts rather than as a bean condition, because the
 * fast-start layout's Spring AOT fixes conditions in the build.
 */
public enum HttpServerChoice {

    /** Spring MVC on Tomcat, behind the servlet filters of {@code io.telephonyhook.http} */
    TOMCAT,
    /** camel-platform-http's Vert.x engine on a server of the hook's own; Tomcat keeps the management port */
    VERTX;

    static final String PROPERTY = "standalone.http-server";

    /** The choice; unset or blank is Vert.x, anything else but the two names stops the start in one line. */
    public static HttpServerChoice of(Environment environment) {
        String value = environment.getProperty(PROPERTY, "").strip();
        if (value.isEmpty()) {
            return VERTX;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidSettingsException("HTTP_SERVER (" + PROPERTY + ") is '" + value
                    + "': it takes vertx (the default) or tomcat.");
        }
    }
}
