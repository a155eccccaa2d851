package io.telephonyhook.simulator;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.telephonyhook.TelephonyHook;

/**
 * Demo mode only: what the simulator accepted, i.e. what would have been sent. It holds codes, so it asks for the
 * same header as the hook itself. Registered by the standalone application, only in demo mode.
 */
@RestController
public class SimulatorController {

    private final TwilioSimulator simulator;
    private final TelephonyHook hook;

    public SimulatorController(TwilioSimulator simulator, TelephonyHook hook) {
        this.simulator = simulator;
        this.hook = hook;
    }

    @GetMapping(path = "/simulator/messages", produces = "application/json")
    ResponseEntity<List<SimulatedDelivery>> messages(HttpServletRequest request) {
        if (!hook.authenticator().check(request::getHeader).accepted()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok(simulator.deliveries());
    }
}
