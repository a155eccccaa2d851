package io.telephonyhook.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import io.telephonyhook.config.InvalidSettingsException;

/** {@code HTTP_SERVER}: its default, its two values, and a start refused in one line for anything else. */
class HttpServerChoiceTest {

    @Test
    void unsetOrBlankIsVertxAndTheNamesAreTakenInAnyCase() {
        assertThat(HttpServerChoice.of(new MockEnvironment())).isEqualTo(HttpServerChoice.VERTX);
        assertThat(HttpServerChoice.of(choosing(" "))).isEqualTo(HttpServerChoice.VERTX);
        assertThat(HttpServerChoice.of(choosing("Vertx"))).isEqualTo(HttpServerChoice.VERTX);
        assertThat(HttpServerChoice.of(choosing("tomcat"))).isEqualTo(HttpServerChoice.TOMCAT);
    }

    @Test
    void anythingElseStopsTheStartSayingWhatItTakes() {
        assertThatThrownBy(() -> HttpServerChoice.of(choosing("netty")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HTTP_SERVER (standalone.http-server) is 'netty': it takes vertx (the default) or tomcat.");
    }

    @Test
    void onVertxTheManagementPortMustBeAPortOfItsOwn() {
        MockEnvironment samePort = choosing("vertx").withProperty("server.port", "8080")
                .withProperty("management.server.port", "8080");

        assertThatThrownBy(() -> new ManagementPortOfItsOwn(samePort)
                .postProcessBeanFactory(new DefaultListableBeanFactory()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("with Okta's port on Vert.x (HTTP_SERVER=vertx, the default)").hasMessageContaining("HTTP_SERVER=tomcat");
        new ManagementPortOfItsOwn(choosing("vertx").withProperty("server.port", "8080")
                .withProperty("management.server.port", "8081"))
                .postProcessBeanFactory(new DefaultListableBeanFactory()); // a port of its own: no refusal
        new ManagementPortOfItsOwn(choosing("tomcat").withProperty("server.port", "8080")
                .withProperty("management.server.port", "8080"))
                .postProcessBeanFactory(new DefaultListableBeanFactory()); // the -exec jar on Tomcat takes it
    }

    private static MockEnvironment choosing(String server) {
        return new MockEnvironment().withProperty("standalone.http-server", server);
    }
}
