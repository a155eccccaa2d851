package io.telephonyhook.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.web.embedded.TomcatVirtualThreadsWebServerFactoryCustomizer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * On a JVM without virtual threads (the suite's Java 17), or with Okta's port on Vert.x, the setting changes nothing,
 * and, unlike Spring, the hook says so once instead of leaving the operator to believe it took. The calls on virtual threads themselves, on Java 21 or
 * later, are {@code VirtualThreadsIT}'s.
 */
@ExtendWith(OutputCaptureExtension.class)
class VirtualRequestThreadsTest {

    private final TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void theSettingOnAJvmWithoutVirtualThreadsKeepsPlatformThreadsAndSaysSo(CapturedOutput output) {
        customize(onTomcat().withProperty(VirtualRequestThreads.SETTING, "true"));

        assertThat(factory.getTomcatProtocolHandlerCustomizers()).isEmpty();
        assertThat(output).contains("spring.threads.virtual.enabled is set, but Java " + Runtime.version().feature()
                + " has no virtual threads (21 or later has): calls are served on platform threads");
    }

    @Test
    void theSettingWithOktasPortOnVertxChangesNothingAndSaysSo(CapturedOutput output) {
        customize(new MockEnvironment().withProperty(VirtualRequestThreads.SETTING, "true"));

        assertThat(factory.getTomcatProtocolHandlerCustomizers()).isEmpty();
        assertThat(output).contains("spring.threads.virtual.enabled is set, but Okta's port is on Vert.x"
                + " (HTTP_SERVER=vertx, the default)");
    }

    @Test
    void withoutTheSettingNothingIsChangedOrSaid(CapturedOutput output) {
        customize(onTomcat());

        assertThat(factory.getTomcatProtocolHandlerCustomizers()).isEmpty();
        assertThat(output).doesNotContain(VirtualRequestThreads.SETTING);
    }

    private static MockEnvironment onTomcat() {
        return new MockEnvironment().withProperty("standalone.http-server", "tomcat");
    }

    private void customize(MockEnvironment environment) {
        new VirtualRequestThreads(environment, new DefaultListableBeanFactory()
                .getBeanProvider(TomcatVirtualThreadsWebServerFactoryCustomizer.class)).customize(factory);
    }
}
