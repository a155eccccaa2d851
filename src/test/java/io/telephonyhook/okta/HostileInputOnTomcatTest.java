package io.telephonyhook.okta;

import org.springframework.test.context.TestPropertySource;

import io.telephonyhook.support.HookTestSupport;

/**
 * {@link HostileInputTest} with Okta's port on Tomcat ({@code HTTP_SERVER=tomcat}), behind the servlet guards an application
 * that embeds the hook runs.
 */
@TestPropertySource(properties = HookTestSupport.ON_TOMCAT)
class HostileInputOnTomcatTest extends HostileInputTest {

    @Override
    String refusalStatusLine() {
        return "HTTP/1\\.1 4\\d\\d .*";
    }
}
