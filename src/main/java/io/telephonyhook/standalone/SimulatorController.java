package io.telephonyhook.standalone;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.simulator.SimulatedDelivery;
import io.telephonyhook.spring.DemoSimulator;

/**
 * Demo mode only: what the simulator accepted, i.e. what would have been sent. It holds codes, so it asks for the
 * same credentials as the hook itself (with an orgs file, one org's, and {@code ?org=} its id). Found by the standalone
 * application's component scan; in live mode the path is not found, as any other.
 */
@RestController
public class SimulatorController {

    private final DemoSimulator demo;
    private final OrgDirectory orgs;

    public SimulatorController(DemoSimulator demo, OrgDirectory orgs) {
        this.demo = demo;
        this.orgs = orgs;
    }

    @GetMapping(path = "/simulator/messages", produces = "application/json")
    ResponseEntity<List<SimulatedDelivery>> messages(HttpServletRequest request) {
        if (!demo.running()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // with an orgs file, an org's credentials and its id (?org=acme-prod)
        if (!orgs.check(request.getParameter("org"), request::getHeader).accepted()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok(demo.get().deliveries());
    }
}
