package io.telephonyhook.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.annotation.ImportCandidates;

import io.telephonyhook.TelephonyHookApplication;

/**
 * The standalone application leaves out auto-configurations it does not use, to start sooner. A name that no longer
 * matches one (renamed or moved in an upgrade) is silently ignored by Spring Boot, and the start-up cost comes back
 * unseen: each name must be an auto-configuration this classpath would otherwise load.
 */
class LeftOutAutoConfigurationsTest {

    @Test
    void everyNameLeftOutIsAnAutoConfigurationOnTheClasspath() {
        String[] leftOut = TelephonyHookApplication.class.getAnnotation(SpringBootApplication.class).excludeName();
        List<String> candidates = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates();

        assertThat(leftOut).isNotEmpty();
        assertThat(candidates).contains(leftOut);
    }
}
