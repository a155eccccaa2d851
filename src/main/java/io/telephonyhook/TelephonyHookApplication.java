package io.telephonyhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.telephonyhook.standalone.StandaloneConfiguration;

/**
 * The hook as an application of its own (the {@code -exec} jar, {@code ./mvnw spring-boot:run}). The hook itself comes
 * from {@code TelephonyHookAutoConfiguration}, exactly as in any Camel Spring Boot application that adds the library;
 * this application adds only {@link StandaloneConfiguration} and its {@code application.yaml} (port, management port,
 * threads, logging). The flow lives in the YAML routes ({@code routes/*.camel.yaml}).
 */
@SpringBootApplication(scanBasePackageClasses = StandaloneConfiguration.class)
public class TelephonyHookApplication {

    public static void main(String[] args) {
        SpringApplication.run(TelephonyHookApplication.class, args);
    }
}
