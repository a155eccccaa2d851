package io.telephonyhook.spring;

import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.DisposableBean;

import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.Settings;
import io.telephonyhook.simulator.TwilioSimulator;

/**
 * Demo mode's Twilio simulator, started here in demo mode only; in live mode this holds none and starts none. Decided
 * when the application starts, from its settings, and not by a bean condition: the fast-start layout runs on Spring
 * AOT's bean definitions, fixed when the build made them (in demo mode), and a live start from it must still have no
 * simulator (docs/going-live.md, "Fast start").
 */
public final class DemoSimulator implements DisposableBean {

    private final TwilioSimulator simulator;

    private DemoSimulator(TwilioSimulator simulator) {
        this.simulator = simulator;
    }

    /** A started simulator in demo mode, none in live mode. */
    static DemoSimulator of(Settings settings) throws IOException {
        if (settings.mode() != HookMode.DEMO) {
            return new DemoSimulator(null);
        }
        TwilioSimulator simulator = new TwilioSimulator(new ObjectMapper(), Clock.systemUTC());
        simulator.start();
        return new DemoSimulator(simulator);
    }

    /** Whether the hook runs in demo mode, sending through the simulator. */
    public boolean running() {
        return simulator != null;
    }

    /** The simulator; asked for only in demo mode. */
    public TwilioSimulator get() {
        if (simulator == null) {
            throw new IllegalStateException("live mode has no Twilio simulator");
        }
        return simulator;
    }

    @Override
    public void destroy() {
        if (simulator != null) {
            simulator.stop();
        }
    }
}
