package example.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The order desk: an application of its own, with its own JSON style (snake_case) and its own meter registry. */
@SpringBootApplication
public class OrderDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderDeskApplication.class, args);
    }

    /** The desk's JSON is snake_case: its REST API (Camel's JSON binding) writes and reads it with this mapper. */
    @Bean
    ObjectMapper orderDeskObjectMapper() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    @Bean
    MeterRegistry orderDeskMeterRegistry() {
        return new SimpleMeterRegistry();
    }
}
