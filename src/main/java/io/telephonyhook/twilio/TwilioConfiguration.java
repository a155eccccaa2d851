package io.telephonyhook.twilio;

import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;

import com.twilio.http.TwilioRestClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.HookProperties;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.TwilioProperties;
import io.telephonyhook.simulator.TwilioSimulator;

/**
 * The Twilio side: one {@link TwilioRestClient} (camel-twilio picks up the single client bean by type) and the
 * beans {@code routes/twilio-delivery.camel.yaml} calls by name. In demo mode the client talks to the simulator.
 */
@Configuration(proxyBeanMethods = false)
public class TwilioConfiguration {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    @Bean
    TwilioAccount twilioAccount(TwilioProperties twilio, HookMode mode, ObjectProvider<TwilioSimulator> simulator) {
        if (mode == HookMode.DEMO) {
            return simulator.getObject().account();
        }
        if (!StringUtils.hasText(twilio.authToken())) {
            throw new InvalidSettingsException("TWILIO_AUTH_TOKEN is not set: live mode (TWILIO_ACCOUNT_SID is set)"
                    + " needs the account's auth token or an API key secret.");
        }
        String username = StringUtils.hasText(twilio.apiKey()) ? twilio.apiKey() : twilio.accountSid();
        return new TwilioAccount(twilio.apiUrl(), username, twilio.authToken(), twilio.accountSid());
    }

    @Bean
    TwilioTransport twilioTransport(TwilioAccount account, TwilioProperties twilio) {
        return new TwilioTransport(account.apiUrl(), twilio.connectTimeout());
    }

    @Bean
    TwilioClients twilioClients(TwilioAccount account, TwilioTransport transport,
                                ObjectProvider<TwilioRequestListener> listener) {
        return new TwilioClients(account, transport, listener.getIfAvailable(() -> TwilioRequestListener.NONE));
    }

    /**
     * camel-twilio's own client (it takes the single TwilioRestClient bean). The routes give every call a client
     * bound to its deadline instead; this one serves whatever else may use the component, with the same budget.
     */
    @Bean
    TwilioRestClient twilioRestClient(TwilioClients clients, HookProperties hook) {
        return clients.withBudgetPerRequest(hook.deadline());
    }

    @Bean
    TwilioSenders twilioSenders(TwilioProperties twilio, HookMode mode) {
        String from = StringUtils.hasText(twilio.fromNumber()) ? twilio.fromNumber().strip() : null;
        String messagingService = StringUtils.hasText(twilio.messagingServiceSid())
                ? twilio.messagingServiceSid().strip() : null;
        if (mode == HookMode.DEMO && from == null) {
            from = TwilioSimulator.FROM_NUMBER;
        }
        if (from == null && messagingService == null) {
            throw new InvalidSettingsException("Neither TWILIO_FROM_NUMBER nor TWILIO_MESSAGING_SERVICE_SID is set:"
                    + " live mode needs a sender for SMS (and TWILIO_FROM_NUMBER for voice calls).");
        }
        if (from != null && !E164.matcher(from).matches()) {
            throw new InvalidSettingsException("TWILIO_FROM_NUMBER must be in E.164 form, like +14155550123.");
        }
        return new TwilioSenders(from, messagingService);
    }

    @Bean
    SmsComposer smsComposer(TwilioSenders senders, HookProperties hook, Clock clock) {
        return new SmsComposer(senders, hook.sms().template(), clock);
    }

    @Bean
    VoiceCallComposer voiceCallComposer(TwilioSenders senders, TwilioProperties twilio) {
        URI twimlUrl = StringUtils.hasText(twilio.twimlUrl()) ? URI.create(twilio.twimlUrl().strip()) : null;
        return new VoiceCallComposer(senders.fromNumber(), new VoiceScript(), twimlUrl);
    }

    @Bean
    TwilioRejection twilioRejection() {
        return new TwilioRejection();
    }

    @Bean
    TwilioOutcomes twilioOutcomes() {
        return new TwilioOutcomes();
    }
}
