package io.telephonyhook.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.telephonyhook.support.TwilioStandIn;

/**
 * How each way of starting a target is launched: its command and environment, and the Authorization header Okta's
 * calls carry to it. The hook and the floor read the same environment variables and take the same secret, so they
 * authenticate alike.
 */
final class Targets {

    /** What Okta sends the hook and the floor (bench:bench-secret). */
    static final String SECRET = "Basic YmVuY2g6YmVuY2gtc2VjcmV0";
    private static final String FROM = "+15017122661";

    private final Path fastStart;
    private final String jar;
    private final TwilioStandIn twilio;

    Targets(Path fastStart, String jar, TwilioStandIn twilio) {
        this.fastStart = fastStart;
        this.jar = jar;
        this.twilio = twilio;
    }

    /** Starts a fresh process of this way, logging to {@code log}. */
    Target start(Way way, String flags, Path log) throws IOException {
        int port = Target.freePort();
        int managementPort = Target.freePort();
        ProcessBuilder builder = new ProcessBuilder(command(way, flags)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment(port, managementPort));
        return Target.start(way.target, builder, port, managementPort, SECRET);
    }

    private List<String> command(Way way, String flags) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(flags.split("\\s+")));
        switch (way) {
            case FAST_START -> command.addAll(Target.fastStart(fastStart));
            case JAR -> command.addAll(List.of("-jar", jar));
            default -> command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    FloorServer.class.getName()));
        }
        return command;
    }

    /** The same settings for the hook and the floor: both read the hook's environment variables. */
    private Map<String, String> environment(int port, int managementPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(port));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", TwilioStandIn.AUTH_TOKEN);
        env.put("TWILIO_API_URL", twilio.url().toString());
        env.put("TWILIO_FROM_NUMBER", FROM);
        env.put("OKTA_HOOK_AUTH_SECRET", SECRET);
        return env;
    }
}
