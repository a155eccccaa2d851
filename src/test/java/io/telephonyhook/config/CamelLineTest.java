package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A host whose Camel jars are of two lines is refused at the start, in one line naming them and the fix. */
class CamelLineTest {

    @Test
    void jarsOfAnotherLineAreRefusedInOneLine() {
        assertThatThrownBy(() -> CamelLine.check("4.10.1", Map.of("camel-twilio", "4.17.0")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("Camel 4.10.1 runs with camel-twilio 4.17.0 of another Camel line: manage Camel's plain "
                        + "artifacts to yours, e.g. import org.apache.camel:camel-bom:4.10.1 beside "
                        + "camel-spring-boot-bom (docs/platforms.md).");
    }

    @Test
    void patchesOfOneLineAndVendorBuildsAreOneLine() {
        assertThatCode(() -> CamelLine.check("4.10.1", Map.of("camel-twilio", "4.10.5",
                "camel-resilience4j", "4.10.3.redhat-00012"))).doesNotThrowAnyException();
    }

    @Test
    void thisBuildsJarsAreOneLine() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThatCode(() -> CamelLine.check(camel)).doesNotThrowAnyException();
        }
    }

    /** Camel 4.22 reads a breaker's waitDurationInOpenState in milliseconds; the lines before, in seconds. */
    @Test
    void theBreakersOpenTimeIsGivenInTheUnitOfTheRunningCamel() {
        Settings settings = Settings.defaults();
        settings.breaker().setOpenSeconds(30);

        assertThat(new HookProperties(settings, "4.17.0").apply("breaker.wait-in-open-state")).isEqualTo("30");
        assertThat(new HookProperties(settings, "4.10.5").apply("breaker.wait-in-open-state")).isEqualTo("30");
        assertThat(new HookProperties(settings, "4.22.0").apply("breaker.wait-in-open-state")).isEqualTo("30000");
        assertThat(new HookProperties(settings, "5.0.0").apply("breaker.wait-in-open-state")).isEqualTo("30000");
        assertThat(new HookProperties(settings, "4.17.0").apply("path")).isEqualTo("/telephonyHook");
    }

    /** A mix of Netty's artifacts stops Vert.x's server from starting, silently: refused at once instead. */
    @Test
    void librariesInMixedVersionsAreRefusedInOneLine() {
        assertThatThrownBy(() -> CamelLine.oneVersion("Netty", new java.util.LinkedHashMap<>(Map.of(
                "netty-common", "4.1.118.Final")) {{ put("netty-codec-http", "4.1.128.Final"); }}, "io.netty:netty-bom"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("Netty is on the classpath in mixed versions (netty-common 4.1.118.Final, netty-codec-http "
                        + "4.1.128.Final): import io.netty:netty-bom at your Camel line's version (docs/platforms.md).");
        assertThatCode(() -> CamelLine.oneVersion("Netty", Map.of("netty-common", "4.1.130.Final",
                "netty-codec-http", "4.1.130.Final"), "io.netty:netty-bom")).doesNotThrowAnyException();
    }
}
