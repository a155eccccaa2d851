package io.telephonyhook.okta;

import java.io.IOException;
import java.util.IllformedLocaleException;
import java.util.Locale;

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

    private final PhoneNumberNormalizer phoneNumbers;

    public OtpRequestReader(PhoneNumberNormalizer phoneNumbers) {
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
        OktaRequestJson fields = parse(body);
        if (!fields.profile) {
            throw new MalformedHookRequestException(PROFILE, "is missing");
        }
        String phone = required(fields.phoneNumber, "phoneNumber");
        return new OtpRequest(
                eventId(fields.eventId),
                logSafe(fields.requestType.text()),
                Channel.fromDeliveryChannel(fields.deliveryChannel.text()),
                phone,
                phoneNumbers.normalize(phone).orElse(null),
                required(fields.otpCode, "otpCode"),
                fields.msgTemplate.text(),
                locale(fields.locale.text()),
                IsoInstant.parseOrNull(fields.otpExpires.text()),
                LogSafeText.bounded(fields.source.text(), 256),
                org);
    }

    private static OktaRequestJson parse(byte[] body) {
        if (body == null) {
            throw new MalformedHookRequestException("body", "is not a JSON object");
        }
        try {
            OktaRequestJson fields = Utf8Body.isPlainAscii(body) ? OktaRequestJson.readAscii(body) : readDecoded(body);
            if (fields == null) {
                throw new MalformedHookRequestException("body", "is not a JSON object");
            }
            return fields;
        } catch (IOException notJson) {
            boolean duplicate = notJson.getMessage() != null && notJson.getMessage().startsWith("Duplicate field");
            throw new MalformedHookRequestException("body", duplicate ? "has a key twice" : "is not valid JSON");
        }
    }

    /** Bytes that are not plain ASCII: decoded strictly first, so that nothing but UTF-8 is read. */
    private static OktaRequestJson readDecoded(byte[] body) throws IOException {
        String text = Utf8Body.decode(body);
        // RFC 8259 lets a parser ignore a byte order mark; Jackson skips one only when it decodes the bytes itself.
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return OktaRequestJson.read(text);
    }

    /**
     * The code or the number, as a string or as a JSON number written in digits alone, which is how Okta's API
     * reference renders them. A number with a fraction or an exponent ({@code 4829.13}, {@code 1e3}) or a minus sign
     * cannot be a rendering of digits: it is named for what it is rather than taken for a code, or for a missing one.
     */
    private static String required(OktaRequestJson.Field field, String name) {
        String location = PROFILE + "." + name;
        switch (field.kind()) {
            case FRACTION -> throw new MalformedHookRequestException(location, "is not a whole number written in digits");
            case OTHER -> throw new MalformedHookRequestException(location, "is not a string or a number");
            case WHOLE_NUMBER -> {
                if (field.negative()) {
                    throw new MalformedHookRequestException(location, "is a negative number");
                }
            }
            default -> {
            }
        }
        String value = field.text();
        if (value == null || value.isBlank()) {
            throw new MalformedHookRequestException(location, "is missing");
        }
        return value;
    }

    /**
     * Names that only travel to logs and metrics keep to a plain alphabet and 64 characters, so a caller cannot forge
     * log lines (a newline in a requestType) or flood them.
     */
    private static String logSafe(String id) {
        return LogSafeText.bounded(id, 64);
    }

    /** The eventId as {@link EventId} keeps it; a blank or missing one is {@link EventId#NONE}. */
    private static String eventId(OktaRequestJson.Field field) {
        String sent = field.text();
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
}
