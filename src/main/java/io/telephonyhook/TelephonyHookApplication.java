package io.telephonyhook;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.telephonyhook.standalone.ClassPreloader;
import io.telephonyhook.standalone.StandaloneConfiguration;

/**
 * The hook as an application of its own (the {@code -exec} jar, {@code ./mvnw spring-boot:run}). The hook itself comes
 * from {@code TelephonyHookAutoConfiguration}, exactly as in any Camel Spring Boot application that adds the library;
 * this application adds only {@link StandaloneConfiguration} and its {@code application.yaml} (port, management port,
 * threads, logging). The flow lives in the YAML routes ({@code routes/*.camel.yaml}).
 *
 * <p>It leaves out the auto-configurations for what it neither has nor uses (Camel's cloud service call and vaults,
 * databases, transactions, schedulers, HTTP clients, WebSocket, multipart uploads, Gson, Netty, Reactor, and the
 * method validation the hook's settings do not use: they are checked by {@code Settings.check}): each one on
 * the classpath is otherwise parsed and its conditions checked at every start, together 0.15-0.2 s of start-up (README,
 * "Performance"). An application that embeds the hook makes its own choice.
 */
@SpringBootApplication(scanBasePackageClasses = StandaloneConfiguration.class, excludeName = {
        "org.apache.camel.spring.boot.cloud.CamelCloudAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceCallConfigurationAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceChooserAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceDiscoveryAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceFilterAutoConfiguration",
        "org.apache.camel.spring.boot.vault.AwsVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.AzureVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.CyberArkVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.GcpVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.HashicorpVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.IBMVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.KubernetesConfigMapVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.KubernetesVaultAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.redis.LettuceMetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.web.client.HttpClientObservationsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.scheduling.ScheduledTasksObservabilityAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.ssl.SslObservabilityAutoConfiguration",
        "org.springframework.boot.autoconfigure.dao.PersistenceExceptionTranslationAutoConfiguration",
        "org.springframework.boot.autoconfigure.gson.GsonAutoConfiguration",
        "org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.netty.NettyAutoConfiguration",
        "org.springframework.boot.autoconfigure.reactor.ReactorAutoConfiguration",
        "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
        "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration",
        "org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizationAutoConfiguration",
        "org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration",
        "org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration"})
public class TelephonyHookApplication {

    public static void main(String[] args) {
        // the -exec jar's classes loaded beside the main thread, when the build wrote their list into the jar
        ClassPreloader.startInBackground(TelephonyHookApplication.class.getClassLoader());
        SpringApplication application = new SpringApplication(TelephonyHookApplication.class);
        // LOG_FORMAT=json: Spring Boot's structured logging, one JSON object a line (Elastic Common Schema), the
        // call's fields as fields of their own; the lowest precedence, so logging.structured.* still wins
        String format = System.getenv().getOrDefault("LOG_FORMAT", System.getProperty("LOG_FORMAT", ""));
        if ("json".equalsIgnoreCase(format)) {
            application.setDefaultProperties(Map.of("logging.structured.format.console", "ecs"));
        }
        application.run(args);
    }
}
