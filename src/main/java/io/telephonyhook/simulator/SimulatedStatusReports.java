package io.telephonyhook.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The simulator's status reports: what Twilio posts to a message's or call's StatusCallback, signed as Twilio signs. */
final class SimulatedStatusReports {

    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twilio-simulator-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    /** Made at the first report, off the start-up's path (the JDK's client sets up TLS as it is made). */
    private HttpClient callbacks;

    void stop() {
        reporter.shutdownNow();
    }

    /**
     * As Twilio does: the statuses of a message ({@code sent}, then {@code delivered}) or a call ({@code completed})
     * posted to its StatusCallback, form-encoded and signed with the account's auth token ({@code X-Twilio-Signature}).
     * One after the other, in Twilio's usual order: each report is posted 200 ms after the hook answered the one
     * before, so the demo's history reads queued, sent, delivered. The hook's route checks the signature as it would
     * Twilio's, so the demo shows the whole loop.
     */
    void reportLater(URI callback, SimulatedDelivery delivery, String accountSid, String authToken) {
        boolean call = delivery.kind().equals("call");
        reportInTurn(new Signer(callback, accountSid, authToken), delivery,
                call ? List.of("completed") : List.of("sent", "delivered"));
    }

    /** Where the reports of one account's deliveries go, and the token they are signed with. */
    private record Signer(URI callback, String accountSid, String authToken) {
    }

    private void reportInTurn(Signer signer, SimulatedDelivery delivery, List<String> statuses) {
        if (statuses.isEmpty() || reporter.isShutdown()) {
            return;
        }
        reporter.schedule(() -> report(signer, delivery, statuses.get(0))
                        .whenComplete((answered, failed) -> reportInTurn(signer, delivery,
                                statuses.subList(1, statuses.size()))),
                200, TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<?> report(Signer signer, SimulatedDelivery delivery, String status) {
        URI callback = signer.callback();
        Map<String, String> form = new TreeMap<>();
        form.put("AccountSid", signer.accountSid());
        form.put("ApiVersion", "2010-04-01");
        form.put("From", delivery.from() == null ? "" : delivery.from());
        form.put("To", delivery.to());
        if (delivery.kind().equals("call")) {
            form.put("CallSid", delivery.sid());
            form.put("CallStatus", status);
            form.put("Direction", "outbound-api");
        } else {
            form.put("MessageSid", delivery.sid());
            form.put("MessageStatus", status);
            form.put("SmsSid", delivery.sid());
            form.put("SmsStatus", status);
        }
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(callback)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.of(signer.authToken(), callback.toString(), form))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return client().sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }


    private synchronized HttpClient client() {
        if (callbacks == null) {
            callbacks = HttpClient.newHttpClient();
        }
        return callbacks;
    }
}
