package io.telephonyhook.twilio;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.twilio.security.RequestValidator;
import org.apache.camel.Body;
import org.apache.camel.Header;

import io.telephonyhook.okta.RequestTooLargeException;
import io.telephonyhook.okta.UnsupportedContentTypeException;

/**
 * Reads a status report Twilio posts to {@link StatusCallbacks#PATH}: checks {@code X-Twilio-Signature} with the
 * Twilio SDK's own {@link RequestValidator} (HMAC-SHA1 of the URL Twilio called and the sorted form parameters, keyed
 * with the auth token of the account the report names: the primary's, the failover's, or an org's), then takes the SID, the
 * status and Twilio's error code. A report that is not signed for this hook's URL with the token of one of its
 * accounts is refused 403 and records nothing: anyone can post to a public URL. Which account sent the message is the
 * delivery's to say ({@code io.telephonyhook.deliveries.DeliveryStatusRecorder}).
 *
 * <p>What can be checked before the form is read is checked first: reports are on, and the signature header is there
 * and has the shape of one. A body over {@value #MAX_REPORT_BYTES} bytes is refused 413 (Twilio's are 1-2 KB), and a
 * form that cannot be read 400. In a Spring Boot host a servlet filter does the same before anything reads the body
 * ({@code io.telephonyhook.http.StatusReportGateFilter}); this step holds in every host.
 */
public class TwilioStatusReports {

    /** The largest status report taken, in bytes. */
    public static final int MAX_REPORT_BYTES = 16 * 1024;
    /**
     * Status reports read at once, at most, by a host's guard in front of this step. Twilio's are answered in
     * milliseconds: this is room for bursts, and whatever callers with made-up signatures do, they hold no more.
     */
    public static final int MAX_REPORTS_AT_ONCE = 16;

    private static final Pattern SID = Pattern.compile("(SM|MM|CA)[0-9a-fA-F]{32}");
    /** Base64 of an HMAC-SHA1: 20 bytes, 28 characters. */
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{27}=");

    private final StatusCallbacks callbacks;
    /** By account SID: the hook's names for the account and a validator keyed with its auth token. */
    private volatile Map<String, Signer> signers = Map.of();
    private final Clock clock;

    private record Signer(Set<String> accounts, RequestValidator validator) {
    }

    /** @param accounts the hook's Twilio accounts, whose auth tokens Twilio signs their reports with */
    public TwilioStatusReports(StatusCallbacks callbacks, List<TwilioAccount> accounts, Clock clock) {
        this.callbacks = callbacks;
        this.clock = clock;
        useAccounts(accounts);
    }

    /**
     * From now on, these accounts' reports (the orgs file changed): each Twilio account once, by its SID, keyed with
     * the token of the first of the hook's accounts that names it.
     */
    public void useAccounts(List<TwilioAccount> accounts) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (TwilioAccount account : accounts) {
            names.computeIfAbsent(account.accountSid(), sid -> new LinkedHashSet<>()).add(account.name());
            tokens.putIfAbsent(account.accountSid(), account.password());
        }
        Map<String, Signer> bySid = new LinkedHashMap<>();
        names.forEach((sid, accountNames) -> bySid.put(sid,
                new Signer(accountNames, new RequestValidator(tokens.get(sid)))));
        this.signers = Map.copyOf(bySid);
    }

    /** The report, when it is Twilio's for this hook; {@link TwilioSignatureException} (403) otherwise. */
    public StatusReport verified(@Header("X-Twilio-Signature") String signature, @Body Object body) {
        URI url = callbacks.url();
        if (url == null) {
            throw new TwilioSignatureException("status reports are off (HOOK_PUBLIC_URL is not set)");
        }
        checkSignatureHeader(signature);
        if (body instanceof byte[] bytes && bytes.length > MAX_REPORT_BYTES
                || body instanceof String text && text.length() > MAX_REPORT_BYTES) {
            throw new RequestTooLargeException(MAX_REPORT_BYTES);
        }
        Map<String, String> form = form(body);
        String accountSid = form.get("AccountSid");
        Signer signer = accountSid == null ? null : signers.get(accountSid); // the map takes no null key
        if (signer == null) {
            throw new TwilioSignatureException("a report for none of the hook's Twilio accounts");
        }
        if (!signer.validator().validate(url.toString(), form, signature)
                && !signer.validator().validate(url.toString(), decoded(form), signature)) {
            throw new TwilioSignatureException("X-Twilio-Signature does not match");
        }
        boolean call = form.containsKey("CallSid");
        String sid = call ? form.get("CallSid") : form.getOrDefault("MessageSid", form.get("SmsSid"));
        String status = call ? form.get("CallStatus") : form.getOrDefault("MessageStatus", form.get("SmsStatus"));
        // any status word Twilio signed is taken: the ledger ranks the ones it knows (partially_delivered, read, ...)
        // and keeps any other as it came, or as "other" when it is not a plain word (DeliveryStatuses)
        if (sid == null || !SID.matcher(sid).matches() || status == null || status.isBlank()) {
            throw new TwilioSignatureException("a signed report without a message or call SID and status");
        }
        return new StatusReport(sid, call ? "voice" : "sms", status, errorCode(form.get("ErrorCode")), clock.instant(),
                signer.accounts());
    }

    /** 403 unless the header is there and shaped like Twilio's signature: checked before any body is read. */
    public static void checkSignatureHeader(String signature) {
        if (signature == null || signature.isBlank()) {
            throw new TwilioSignatureException("no X-Twilio-Signature header");
        }
        if (!SIGNATURE.matcher(signature).matches()) {
            throw new TwilioSignatureException("X-Twilio-Signature is not a signature");
        }
    }

    /**
     * What a host's guard checks before reading a report's body, in this order: 403 when reports are off or the
     * signature header is missing or not shaped like one; 415 unless the body is declared as a form.
     *
     * @param callbacks where Twilio is asked to report; null when the application has no such step (not checked)
     */
    public static void checkBeforeTheBody(StatusCallbacks callbacks, String signature, String contentType) {
        if (callbacks != null && callbacks.url() == null) {
            throw new TwilioSignatureException("status reports are off (HOOK_PUBLIC_URL is not set)");
        }
        checkSignatureHeader(signature);
        if (!isForm(contentType)) {
            throw UnsupportedContentTypeException.notForm();
        }
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded");
    }

    /**
     * Twilio's form parameters. A Spring Boot host's platform-http hands them over already read, as a map of names to
     * a value or a list of them; other hosts may hand over the form-encoded text. A name given twice keeps its first
     * value (Twilio sends each once).
     */
    public static Map<String, String> form(Object body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> parameters) {
            parameters.forEach((name, value) -> form.put(String.valueOf(name), first(value)));
            return form;
        }
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                : body == null ? "" : body.toString();
        // a form is printable ASCII: anything else is not one (and would reach whatever logs it raw)
        if (text.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new MalformedStatusReportException();
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            form.putIfAbsent(name, value);
        }
        return form;
    }

    /**
     * The parameters URL-decoded: a Spring Boot host's platform-http hands the form over split but still encoded
     * ({@code %2B1415...}), others decoded. The signature is checked against either, never both mixed, so neither way
     * lets anything unsigned through; SIDs and status words read the same in both.
     */
    private static Map<String, String> decoded(Map<String, String> form) {
        Map<String, String> decoded = new LinkedHashMap<>();
        form.forEach((name, value) -> decoded.put(decode(name), decode(value)));
        return decoded;
    }

    private static String first(Object value) {
        if (value instanceof List<?> values) {
            return values.isEmpty() ? "" : String.valueOf(values.get(0));
        }
        if (value instanceof Object[] values) {
            return values.length == 0 ? "" : String.valueOf(values[0]);
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new MalformedStatusReportException();
        }
    }

    private static Integer errorCode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notACode) {
            return null;
        }
    }
}
