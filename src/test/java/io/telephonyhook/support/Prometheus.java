package io.telephonyhook.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Reads one sample from the hook's {@code /actuator/prometheus}, as a scraper would. */
public final class Prometheus {

    private final URI endpoint;

    public Prometheus(URI base) {
        this.endpoint = base.resolve("/actuator/prometheus");
    }

    public String scrape() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
            }
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the series with exactly these labels (among others), or 0 when there is none yet. */
    public double value(String name, Map<String, String> labels) {
        return scrape().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
