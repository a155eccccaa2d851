package io.telephonyhook.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;

/**
 * Every Camel jar the hook uses is of the host's Camel line, and the libraries Camel, Vert.x and the hook share
 * (Netty, Jackson) are of one version each. The library depends on Camel's plain artifacts (camel-twilio,
 * camel-resilience4j, ...) and leaves their versions to the host's BOM; a host whose BOM does not manage them
 * (upstream {@code camel-spring-boot-bom} manages only the starters; {@code camel-bom} manages neither Netty nor
 * Jackson) would otherwise run a mix and fail later, with a {@code NoSuchMethodError}, a missing class, or (Netty)
 * an HTTP server that never starts. This refuses that start in one line saying what to import.
 */
public final class CamelLine {

    /** A class of each plain Camel jar the hook brings, by the jar's name. */
    private static final List<String> JARS = List.of(
            "camel-twilio:org.apache.camel.component.twilio.TwilioComponent",
            "camel-resilience4j:org.apache.camel.component.resilience4j.ResilienceProcessor",
            "camel-health:org.apache.camel.impl.health.AbstractHealthCheck",
            "camel-direct:org.apache.camel.component.direct.DirectComponent",
            "camel-bean:org.apache.camel.component.bean.BeanComponent",
            "camel-rest:org.apache.camel.component.rest.RestComponent",
            "camel-platform-http:org.apache.camel.component.platform.http.PlatformHttpComponent",
            "camel-yaml-dsl:org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader",
            "camel-jackson:org.apache.camel.component.jackson.JacksonDataFormat",
            "camel-core-processor:org.apache.camel.processor.Pipeline",
            "camel-core-reifier:org.apache.camel.reifier.RouteReifier");

    private CamelLine() {
    }

    /** Refuses the start when a jar the hook uses is of another Camel line than {@code camel}'s own. */
    public static void check(CamelContext camel) {
        Map<String, String> versions = versions(JARS);
        check(camel.getVersion(), versions);
        oneVersion("Netty", nettyVersions(), "io.netty:netty-bom");
        oneVersion("Jackson", jacksonVersions(), "com.fasterxml.jackson:jackson-bom");
    }

    /** Refuses the start when the artifacts of {@code library} are not of one version. */
    static void oneVersion(String library, Map<String, String> versions, String bom) {
        if (versions.values().stream().distinct().count() > 1) {
            throw new InvalidSettingsException(library + " is on the classpath in mixed versions (" + versions.entrySet()
                    .stream().map(artifact -> artifact.getKey() + " " + artifact.getValue())
                    .collect(Collectors.joining(", ")) + "): import " + bom + " at your Camel line's version "
                    + "(docs/platforms.md).");
        }
    }

    /** A class of each Netty artifact Vert.x and Lettuce use, by the artifact's name. */
    private static final List<String> NETTY = List.of(
            "netty-common:io.netty.util.Version",
            "netty-buffer:io.netty.buffer.ByteBuf",
            "netty-transport:io.netty.channel.Channel",
            "netty-handler:io.netty.handler.ssl.SslHandler",
            "netty-codec:io.netty.handler.codec.ByteToMessageDecoder",
            "netty-codec-http:io.netty.handler.codec.http.HttpObjectDecoder",
            "netty-resolver-dns:io.netty.resolver.dns.DnsNameResolver");

    private static Map<String, String> nettyVersions() {
        return versions(NETTY);
    }

    /**
     * The jars' versions, of those on the classpath: each jar's own Maven version (its {@code pom.properties}, read from
     * the jar the class came from, which still holds in a flat jar whose one manifest is the application's), else its
     * manifest's Implementation-Version.
     */
    private static Map<String, String> versions(List<String> jars) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String jar : jars) {
            String name = jar.substring(0, jar.indexOf(':'));
            try {
                Class<?> type = Class.forName(jar.substring(jar.indexOf(':') + 1), false,
                        CamelLine.class.getClassLoader());
                String version = mavenVersion(type, name);
                if (version == null && type.getPackage() != null) {
                    version = type.getPackage().getImplementationVersion();
                }
                if (version != null) {
                    versions.put(name, version);
                }
            } catch (ClassNotFoundException | LinkageError absent) {
                // not on this host's classpath: nothing to compare
            }
        }
        return versions;
    }

    /** The version in {@code META-INF/maven/<group>/<artifact>/pom.properties} of the jar {@code type} came from. */
    private static String mavenVersion(Class<?> type, String artifact) {
        URL own = type.getResource(type.getSimpleName() + ".class");
        String url = own == null ? "" : own.toString();
        int inJar = url.lastIndexOf("!/");
        if (inJar < 0) {
            return null;
        }
        String group = artifact.startsWith("netty-") ? "io.netty" : "org.apache.camel";
        try (InputStream in = new URL(url.substring(0, inJar + 2) + "META-INF/maven/" + group + "/" + artifact
                + "/pom.properties").openStream()) {
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException | RuntimeException unreadable) {
            return null; // a jar without Maven's metadata: its manifest says
        }
    }

    /** Jackson's core and databind of one line (databind needs core of its own minor version or later). */
    private static Map<String, String> jacksonVersions() {
        com.fasterxml.jackson.core.Version core = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
        com.fasterxml.jackson.core.Version databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;
        Map<String, String> versions = new LinkedHashMap<>();
        boolean compatible = core.getMajorVersion() == databind.getMajorVersion()
                && core.getMinorVersion() >= databind.getMinorVersion();
        versions.put("jackson-core", compatible ? "ok" : core.toString());
        versions.put("jackson-databind", compatible ? "ok" : databind.toString());
        return versions;
    }

    /** As above, for these jar versions ({@code camel-twilio} to {@code 4.17.0}) against Camel's own version. */
    static void check(String camelVersion, Map<String, String> jarVersions) {
        String line = line(camelVersion);
        String others = jarVersions.entrySet().stream().filter(jar -> !line(jar.getValue()).equals(line))
                .map(jar -> jar.getKey() + " " + jar.getValue()).collect(Collectors.joining(", "));
        if (!others.isEmpty()) {
            throw new InvalidSettingsException("Camel " + camelVersion + " runs with " + others
                    + " of another Camel line: manage Camel's plain artifacts to yours, e.g. import "
                    + "org.apache.camel:camel-bom:" + camelVersion + " beside camel-spring-boot-bom "
                    + "(docs/platforms.md).");
        }
    }

    /** Whether {@code version} ({@code 4.22.0}, {@code 4.22.0.redhat-00001}) is {@code major.minor} or later. */
    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("[.-]");
        try {
            int givenMajor = Integer.parseInt(parts[0]);
            int givenMinor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return givenMajor > major || givenMajor == major && givenMinor >= minor;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    /** {@code 4.14} of {@code 4.14.0} or {@code 4.14.0.redhat-00001}. */
    private static String line(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }
}
