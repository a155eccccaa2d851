package io.telephonyhook.simulator;

import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.telephonyhook.config.DemoModeCondition;

/** Demo mode only: what the simulator accepted, i.e. what would have been sent. */
@RestController
@Conditional(DemoModeCondition.class)
class SimulatorController {

    private final TwilioSimulator simulator;

    SimulatorController(TwilioSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping(path = "/simulator/messages", produces = "application/json")
    List<SimulatedDelivery> messages() {
        return simulator.deliveries();
    }
}
