package io.telephonyhook.okta;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.language.simple.Simple;

import io.telephonyhook.StepExpression;
import io.telephonyhook.phone.PhoneNumberNormalizer;

/**
 * Reads Okta's JSON into an {@link OtpRequest}, tolerant exactly where Okta is loose: {@code otpCode} and
 * {@code phoneNumber} as strings or numbers, {@code requestType} absent, Okta's spellings of the channel, locale in any
 * case. What we cannot work without (UTF-8 JSON itself, {@code data.messageProfile}, the number, the code, each a
 * string or digits) is a {@link MalformedHookRequestException}.
 */
public class OtpRequestReader implements StepExpression {

    private static final String PROFILE = "data.messageProfile";

    private final ObjectReader json;
    private final PhoneNumberNormalizer phoneNumbers;

    public OtpRequestReader(PhoneNumberNormalizer phoneNumbers) {
        // Okta's body is flat and small: deep nesting or long numbers are an attack, not a request.
        // A key given twice (two otpCode, two phoneNumber) is read differently by different parsers: refuse it.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(32).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // Trailing bytes after the object mean a truncated or concatenated body: refuse rather than guess.
        this.json = new ObjectMapper(factory).reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.phoneNumbers = phoneNumbers;
    }

    /** The route's {@code otpRequest}: {@link #read}, from the body and the org the route picked. */
    @Override
    public Object evaluate(Exchange exchange) {
        OktaOrg org = exchange.getProperty("org", OktaOrg.class);
        return read(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class),
                exchange.getMessage().getBody(byte[].class), org == null ? null : org.getId());
    }

    /**
     * @param org the id of the org the call came for (the route's exchange property org, its id); null for the hook's
     *            one org when there is no orgs file
     */
    public OtpRequest read(@Header(Exchange.CONTENT_TYPE) String contentType, @Body byte[] body,
                           @Simple("${exchangeProperty.org?.id}") String org) {
        JsonMediaType.requireUtf8Json(contentType);
        JsonNode root = parse(body);
        JsonNode profile = root.path("data").path("messageProfile");
        if (!profile.isObject()) {
            throw new MalformedHookRequestException(PROFILE, "is missing");
        }
        String phone = required(profile, "phoneNumber");
        return new OtpRequest(
                eventId(root.path("eventId")),
                logSafe(text(root.path("requestType"))),
                Channel.fromDeliveryChannel(text(profile.path("deliveryChannel"))),
                phone,
                phoneNumbers.normalize(phone).orElse(null),
                required(profile, "otpCode"),
                text(profile.path("msgTemplate")),
                locale(text(profile.path("locale"))),
                instant(text(profile.path("otpExpires"))),
                LogSafeText.bounded(text(root.path("source")), 256),
                org);
    }

    private JsonNode parse(byte[] body) {
        if (body == null) {
            throw new MalformedHookRequestException("body", "is not a JSON object");
        }
        String text = Utf8Body.decode(body);
        // RFC 8259 lets a parser ignore a byte order mark; Jackson skips one only when it decodes the bytes itself.
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            JsonNode root = json.readTree(text);
            if (root == null || !root.isObject()) {
                throw new MalformedHookRequestException("body", "is not a JSON object");
            }
            return root;
        } catch (IOException notJson) {
            boolean duplicate = notJson.getMessage() != null && notJson.getMessage().startsWith("Duplicate field");
            throw new MalformedHookRequestException("body", duplicate ? "has a key twice" : "is not valid JSON");
        }
    }

    /**
     * The code or the number, as a string or as a JSON number written in digits alone, which is how Okta's API
     * reference renders them. A number with a fraction or an exponent ({@code 4829.13}, {@code 1e3}) or a minus sign
     * cannot be a rendering of digits: it is named for what it is rather than taken for a code, or for a missing one.
     */
    private static String required(JsonNode profile, String field) {
        JsonNode node = profile.path(field);
        String location = PROFILE + "." + field;
        if (node.isNumber() && !node.isIntegralNumber()) {
            throw new MalformedHookRequestException(location, "is not a whole number written in digits");
        }
        if (node.isIntegralNumber() && node.bigIntegerValue().signum() < 0) {
            throw new MalformedHookRequestException(location, "is a negative number");
        }
        if (!node.isMissingNode() && !node.isNull() && !node.isTextual() && !node.isNumber()) {
            throw new MalformedHookRequestException(location, "is not a string or a number");
        }
        String value = text(node);
        if (value == null || value.isBlank()) {
            throw new MalformedHookRequestException(location, "is missing");
        }
        return value;
    }

    /** A string, or a whole number written as a JSON number (Okta's API reference renders codes that way). */
    private static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger number = node.bigIntegerValue();
            return number.toString();
        }
        return null;
    }

    /**
     * Names that only travel to logs and metrics keep to a plain alphabet and 64 characters, so a caller cannot forge
     * log lines (a newline in a requestType) or flood them.
     */
    private static String logSafe(String id) {
        return LogSafeText.bounded(id, 64);
    }

    /** The eventId as {@link EventId} keeps it; a blank or missing one is {@link EventId#NONE}. */
    private static String eventId(JsonNode node) {
        String sent = text(node);
        if (sent == null || sent.isBlank()) {
            return EventId.NONE;
        }
        if (sent.length() > EventId.MAX_LENGTH) {
            throw new MalformedHookRequestException("eventId", "is longer than " + EventId.MAX_LENGTH + " characters");
        }
        return EventId.of(sent);
    }

    /** {@code EN-US}, {@code en_us} and {@code en} all read; anything else is treated as absent. */
    private static Locale locale(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? null : locale;
        } catch (IllformedLocaleException unreadable) {
            return null;
        }
    }

    /** An unreadable expiry is treated as absent: refusing would lose a code Okta still expects to arrive. */
    private static Instant instant(String iso8601) {
        if (iso8601 == null || iso8601.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso8601.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
