package io.telephonyhook.camelmain;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under camel-main (and Camel Quarkus) logging is the application's, so the levels the Spring Boot hosts set at the
 * lowest precedence ({@code META-INF/telephony-hook/defaults.properties}: the loggers that print a call's number, its
 * code or Okta's secret at DEBUG or TRACE) are held here instead, at start-up: any of them set finer than its level
 * is raised to it, whatever the root level. The same file names them for every host. Log4j 2, Logback and
 * java.util.logging (JBoss LogManager under Quarkus) are known; with another backend the start-up log says which
 * loggers to hold.
 */
final class HeldLoggers {

    private static final Logger log = LoggerFactory.getLogger(HeldLoggers.class);
    private static final String DEFAULTS = "META-INF/telephony-hook/defaults.properties";
    private static final String PREFIX = "logging.level.";

    private HeldLoggers() {
    }

    static void hold() {
        Map<String, String> levels = levels();
        ILoggerFactory backend = LoggerFactory.getILoggerFactory();
        for (Map.Entry<String, String> held : levels.entrySet()) {
            Logger logger = LoggerFactory.getLogger(held.getKey());
            if (!logger.isDebugEnabled() && ("INFO".equals(held.getValue()) || !logger.isInfoEnabled())) {
                continue; // no finer than it may be
            }
            if (!raise(backend, held.getKey(), held.getValue())) {
                log.warn("Keep the logger {} at {} or above: at DEBUG it logs codes, numbers or secrets ({} logging "
                        + "is not one the hook can set)", held.getKey(), held.getValue(), backend.getClass().getName());
            }
        }
    }

    /** The loggers and their levels, from the file the Spring Boot hosts read too. */
    static Map<String, String> levels() {
        Properties defaults = new Properties();
        try (InputStream in = HeldLoggers.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + DEFAULTS, unreadable);
        }
        Map<String, String> levels = new LinkedHashMap<>();
        defaults.stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX)).sorted()
                .forEach(name -> levels.put(name.substring(PREFIX.length()), defaults.getProperty(name).strip()));
        return levels;
    }

    private static boolean raise(ILoggerFactory backend, String name, String level) {
        try {
            String type = backend.getClass().getName();
            if (type.startsWith("org.apache.logging.slf4j")) { // Log4j 2
                Class<?> levels = Class.forName("org.apache.logging.log4j.Level");
                Class.forName("org.apache.logging.log4j.core.config.Configurator")
                        .getMethod("setLevel", String.class, levels)
                        .invoke(null, name, levels.getMethod("toLevel", String.class).invoke(null, level));
                return true;
            }
            if (type.startsWith("ch.qos.logback")) {
                Object logger = backend.getLogger(name);
                Class<?> levels = Class.forName("ch.qos.logback.classic.Level");
                logger.getClass().getMethod("setLevel", levels)
                        .invoke(logger, levels.getMethod("toLevel", String.class).invoke(null, level));
                return true;
            }
            if (type.startsWith("org.slf4j.jul") || type.startsWith("org.slf4j.impl")
                    || type.startsWith("org.jboss")) { // java.util.logging, JBoss LogManager (Quarkus)
                java.util.logging.Logger.getLogger(name).setLevel(java.util.logging.Level.parse(
                        "WARN".equals(level) ? "WARNING" : level));
                return true;
            }
        } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException unsupported) {
            log.debug("cannot set {} on {}", level, name, unsupported);
        }
        return false;
    }
}
