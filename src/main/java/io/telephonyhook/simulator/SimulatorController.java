package io.telephonyhook.simulator;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.telephonyhook.auth.HookAuthenticator;
import io.telephonyhook.config.DemoModeCondition;

/**
 * Demo mode only: what the simulator accepted, i.e. what would have been sent. It holds codes, so it asks for the
 * same header as the hook itself.
 */
@RestController
@Conditional(DemoModeCondition.class)
class SimulatorController {

    private final TwilioSimulator simulator;
    private final HookAuthenticator authenticator;

    SimulatorController(TwilioSimulator simulator, HookAuthenticator authenticator) {
        this.simulator = simulator;
        this.authenticator = authenticator;
    }

    @GetMapping(path = "/simulator/messages", produces = "application/json")
    ResponseEntity<List<SimulatedDelivery>> messages(HttpServletRequest request) {
        if (!authenticator.accepts(request.getHeader(authenticator.headerName()))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok(simulator.deliveries());
    }
}
