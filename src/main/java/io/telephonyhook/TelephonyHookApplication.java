package io.telephonyhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Okta telephony inline hook. The flow itself lives in the YAML routes ({@code routes/*.camel.yaml});
 * the beans in the sub-packages are the steps those routes call by name.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TelephonyHookApplication {

    public static void main(String[] args) {
        SpringApplication.run(TelephonyHookApplication.class, args);
    }
}
