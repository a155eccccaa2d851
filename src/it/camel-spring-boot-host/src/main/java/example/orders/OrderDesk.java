package example.orders;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/** The desk's business: takes an order (or refuses it), and lists the meters of the desk's registry. */
@Component
public class OrderDesk {

    private final MeterRegistry meters;

    public OrderDesk(MeterRegistry meters) {
        this.meters = meters;
    }

    public OrderConfirmation place(Order order) {
        if (order.getQuantity() < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        meters.counter("orders.placed").increment();
        return new OrderConfirmation(UUID.randomUUID().toString(), order.getItemName(), order.getQuantity());
    }

    public List<String> meterNames() {
        return meters.getMeters().stream().map(meter -> meter.getId().getName()).distinct().sorted().toList();
    }

    /** The desk's error body, for any route that fails. */
    public DeskError error(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        return new DeskError(failure.getMessage());
    }

    public record DeskError(String deskError) {
    }
}
