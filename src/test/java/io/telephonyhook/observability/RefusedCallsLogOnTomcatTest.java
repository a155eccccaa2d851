package io.telephonyhook.observability;

import org.springframework.test.context.TestPropertySource;

import io.telephonyhook.support.HookTestSupport;

/**
 * {@link RefusedCallsLogTest} with Okta's port on Tomcat ({@code HTTP_SERVER=tomcat}), behind the servlet guards an application
 * that embeds the hook runs.
 */
@TestPropertySource(properties = HookTestSupport.ON_TOMCAT)
class RefusedCallsLogOnTomcatTest extends RefusedCallsLogTest {
}
