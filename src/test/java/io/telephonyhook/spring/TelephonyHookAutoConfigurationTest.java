package io.telephonyhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import com.twilio.http.TwilioRestClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.apache.camel.component.platform.http.springboot.PlatformHttpComponentAutoConfiguration;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpAutoConfiguration;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformWebMvcConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import io.telephonyhook.auth.AuthenticationSteps;
import io.telephonyhook.config.Settings;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.RouteBeans;

/**
 * What the auto-configuration gives any Camel Spring Boot web application: the hook's steps in Camel's registry and
 * its routes, unless switched off; an application's own bean of a step's name, or its own Twilio client, wins. An
 * application without a servlet web server gets nothing (the hook needs Okta to reach it).
 */
class TelephonyHookAutoConfigurationTest {

    /** A Camel Spring Boot web application: Spring MVC on Tomcat, Camel, platform-http, and the hook. */
    private final WebApplicationContextRunner application = new WebApplicationContextRunner(
            AnnotationConfigServletWebServerApplicationContext::new)
            .withPropertyValues("server.port=0")
            .withConfiguration(AutoConfigurations.of(ServletWebServerFactoryAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    TaskExecutionAutoConfiguration.class, CamelAutoConfiguration.class,
                    PlatformHttpComponentAutoConfiguration.class, SpringBootPlatformHttpAutoConfiguration.class,
                    SpringBootPlatformWebMvcConfiguration.class, TelephonyHookAutoConfiguration.class));

    @Test
    void anApplicationWithoutAServletWebServerGetsNothing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, TelephonyHookAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Settings.class);
                    assertThat(context.getBean(CamelContext.class).getRoutes()).isEmpty();
                });
    }

    @Test
    void anApplicationGetsTheStepsAndTheRoutes() {
        application.run(context -> {
            assertThat(context).hasSingleBean(Settings.class);
            assertThat(context.getBean(DemoSimulator.class).running()).isTrue();
            CamelContext camel = context.getBean(CamelContext.class);
            assertThat(camel.getRoute("telephony-hook")).isNotNull();
            assertThat(camel.getRoute("telephony-hook-sms")).isNotNull();
            assertThat(camel.getRoute("telephony-hook-voice")).isNotNull();
            assertThat(RouteBeans.names()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(name ->
                    assertThat(camel.getRegistry().lookupByName(name)).as(name).isNotNull()
                            .isSameAs(context.getBean(name)));
        });
    }

    /** HOOK_PATH moves the hook, and the guards in front of it move with it. */
    @Test
    void hookPathIsWhereOktaCalls() {
        application.withPropertyValues("hook.path=/okta/telephony").run(context -> {
            int port = ((ServletWebServerApplicationContext) context.getSourceApplicationContext()).getWebServer().getPort();
            OktaClient okta = new OktaClient(port);
            String demoSecret = AuthenticationSteps.DEMO_AUTH_SECRET;

            Answer sent = okta.post(OktaRequest.sms().json(), "Authorization", demoSecret, "/okta/telephony");
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.actionStatus()).isEqualTo("SUCCESSFUL");
            Answer noSecret = okta.post(OktaRequest.sms().json(), null, null, "/okta/telephony");
            assertThat(noSecret.status()).isEqualTo(401);
            assertThat(noSecret.json().at("/error/errorCauses/0/reason").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(context.getBean(DemoSimulator.class).get().deliveries()).hasSize(1);
            HttpResponse<String> oldPath = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            okta.hookUrl().resolve("/telephonyHook")).header("Authorization", demoSecret)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(OktaRequest.sms().json())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(oldPath.statusCode()).isEqualTo(404);
            assertThat(context.getBean(DemoSimulator.class).get().deliveries()).hasSize(1);
        });
    }

    /**
     * An application's own error handling (a routeConfiguration without an id applies to every route that names none)
     * does not answer for the hook: a step failing in the SMS route (outside the breaker) is still Okta's FAILED.
     */
    @Test
    void anApplicationsGlobalErrorHandlerDoesNotAnswerForTheHook() {
        Processor failingComposer = exchange -> {
            throw new IllegalStateException("composer broke");
        };
        AtomicInteger handledByTheApplication = new AtomicInteger();
        application.withBean("twilioSmsComposer", Processor.class, () -> failingComposer)
                .withBean(RouteConfigurationBuilder.class, () -> new RouteConfigurationBuilder() {
                    @Override
                    public void configuration() {
                        routeConfiguration().onException(Exception.class).handled(true)
                                .process(exchange -> handledByTheApplication.incrementAndGet());
                    }
                })
                .run(context -> {
                    int port = ((ServletWebServerApplicationContext) context.getSourceApplicationContext())
                            .getWebServer().getPort();
                    Answer answer = new OktaClient(port).post(OktaRequest.sms().json(), "Authorization",
                            AuthenticationSteps.DEMO_AUTH_SECRET);
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.actionStatus()).isEqualTo("FAILED");
                    assertThat(answer.metadata()).isEqualTo("reason=internal-error");
                    assertThat(handledByTheApplication).as("the application's handler ran for the hook").hasValue(0);
                });
    }

    @Test
    void hookEnabledFalseAddsNothing() {
        application.withPropertyValues("hook.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(Settings.class).doesNotHaveBean(DemoSimulator.class)
                    .doesNotHaveBean(TwilioRestClient.class);
            assertThat(context.getBean(CamelContext.class).getRoutes()).isEmpty();
        });
    }

    @Test
    void anApplicationsOwnBeanTakesTheStepsPlace() {
        Processor ownAuthentication = exchange -> { };
        application.withBean("hookAuthenticator", Processor.class, () -> ownAuthentication).run(context ->
                assertThat(context.getBean(CamelContext.class).getRegistry().lookupByName("hookAuthenticator"))
                        .isSameAs(ownAuthentication));
    }

    @Test
    void anApplicationsOwnTwilioClientIsTheComponents() {
        TwilioRestClient own = new TwilioRestClient.Builder("AC0", "token").build();
        application.withBean(TwilioRestClient.class, () -> own).run(context ->
                assertThat(context.getBean(TwilioRestClient.class)).isSameAs(own));
    }
}
