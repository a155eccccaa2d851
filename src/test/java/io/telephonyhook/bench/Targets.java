package io.telephonyhook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.telephonyhook.support.TwilioStandIn;

/**
 * How each way of starting a target is launched: its command, working directory and environment, and the
 * Authorization header Okta's calls carry to it. The hook and the floor read the same environment variables and take
 * the same secret, so they authenticate alike. The peer is Okta's Node sample, started as
 * {@code ../shared/perf/side-by-side.sh} starts it: its own variables, Basic credentials of its own ({@code admin}
 * and its {@code API_KEY}), and the same Twilio stand-in and credentials, through {@code stub-preload.js}.
 * The benchmark never installs the peer: {@code ../shared/perf/peer/setup-node-peer.sh} does, beforehand. One
 * preload of the benchmark's own goes first, {@code bench/form-urlencoded-preload.js}: the twilio-node npm installs
 * for the sample (4.6.0, a withdrawn release of 2017) posts its form as multipart, which the stand-in, as strict as
 * ever, refuses; the preload has it post the same fields URL-encoded, as Twilio's libraries do.
 */
final class Targets {

    /** What Okta sends the hook and the floor (bench:bench-secret). */
    static final String SECRET = "Basic YmVuY2g6YmVuY2gtc2VjcmV0";
    private static final String FROM = "+15017122661";
    /** The peer's API_KEY; express-basic-auth takes it as the password of the user {@code admin}. */
    private static final String PEER_API_KEY = "bench-peer-secret";
    /**
     * The peer appends the spaced code to this for the call's {@code Url}. The stand-in only requires a {@code Url};
     * it never fetches it, and {@code .invalid} is a name that never resolves, should anything try.
     */
    private static final String PEER_TWIML_URL = "https://example.invalid/twiml?code=";

    private final Path out;
    private final Path fastStart;
    private final String jar;
    /** Null when no peer runs. */
    private final Path nodePeer;
    private final TwilioStandIn twilio;

    Targets(Path out, Path fastStart, String jar, Path nodePeer, TwilioStandIn twilio) {
        this.out = out;
        this.fastStart = fastStart;
        this.jar = jar;
        this.nodePeer = nodePeer;
        this.twilio = twilio;
    }

    /**
     * The peer's directory from {@code bench.nodePeer}: null when empty or absent (no peer), refused when it holds no
     * installed peer, so that a mistyped path fails at once rather than after the hook's and the floor's runs.
     */
    static Path nodePeer(String property) {
        if (property == null || property.isBlank()) {
            return null;
        }
        Path directory = Path.of(property.trim());
        for (String needed : List.of("server.js", "stub-preload.js", "node_modules")) {
            if (!Files.exists(directory.resolve(needed))) {
                throw new IllegalStateException("bench.nodePeer=" + property + ": no " + needed + " in "
                        + directory.toAbsolutePath() + "; set Okta's Node sample up there first with"
                        + " ../shared/perf/peer/setup-node-peer.sh GIT_DIR TARGET_DIR (the benchmark does not install"
                        + " it), or leave bench.nodePeer empty to skip the peer");
            }
        }
        return directory;
    }

    /** Starts a fresh process of this way, logging to {@code log}. */
    Target start(Way way, String flags, Path log) throws IOException {
        int port = Target.freePort();
        int managementPort = Target.freePort();
        ProcessBuilder builder = new ProcessBuilder(command(way, flags)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (way == Way.PEER) {
            builder.directory(nodePeer.toFile()).environment().putAll(peerEnvironment(port));
        } else {
            builder.environment().putAll(environment(port, managementPort));
        }
        return Target.start(way.target, builder, port, way == Way.PEER ? 0 : managementPort, authorization(way));
    }

    private List<String> command(Way way, String flags) throws IOException {
        if (way == Way.PEER) { // the JVM's flags are nothing to Node
            return List.of("node", "-r", formUrlEncodedPreload().toString(), "-r", "./stub-preload.js", "server.js");
        }
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

    /** The benchmark's preload, written beside the logs for Node to load by its absolute path. */
    private Path formUrlEncodedPreload() throws IOException {
        Path preload = out.resolve("form-urlencoded-preload.js").toAbsolutePath();
        try (InputStream source = Targets.class.getResourceAsStream("/bench/form-urlencoded-preload.js")) {
            Files.write(preload, source.readAllBytes());
        }
        return preload;
    }

    private static String authorization(Way way) {
        return way == Way.PEER ? "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + PEER_API_KEY).getBytes(StandardCharsets.UTF_8)) : SECRET;
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

    /**
     * The peer's own names for the same settings. Its preload replaces {@code https://api.twilio.com} (no slash) in
     * each request's URI with {@code TWILIO_STUB}, so the stub is the stand-in's base URL without a trailing slash.
     */
    private Map<String, String> peerEnvironment(int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(port));
        env.put("API_KEY", PEER_API_KEY);
        env.put("ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID);
        env.put("AUTH_TOKEN", TwilioStandIn.AUTH_TOKEN);
        env.put("FROM_PHONE_NUMBER", FROM);
        env.put("TWIML_URL", PEER_TWIML_URL);
        env.put("TWILIO_STUB", twilio.url().toString().replaceAll("/+$", ""));
        return env;
    }
}
