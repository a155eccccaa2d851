package io.telephonyhook.support;

import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import io.telephonyhook.standalone.VertxOktaPort;

/** The port Okta's calls reach in a running standalone application, whichever server has it (HTTP_SERVER). */
public final class OktaPort {

    private OktaPort() {
    }

    public static int of(ApplicationContext context) {
        int vertx = context.getBean(VertxOktaPort.class).port();
        return vertx > 0 ? vertx : ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }
}
