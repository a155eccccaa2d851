package io.telephonyhook.okta;

import java.io.IOException;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * The fields of Okta's request the hook reads, taken in one pass over its JSON, without a tree of the whole body: the
 * parts nobody reads ({@code data.context}, {@code data.userProfile}, ...) are stepped over, not kept. A tree of the
 * body was a tenth of what a call allocated. The parser's rules hold over the whole body, skipped parts included: the
 * nesting depth, the number length, a key given twice, nothing after the object.
 */
final class OktaRequestJson {

    /** Okta's body is flat and small: deep nesting or long numbers are an attack, not a request. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(32).build())
            // A key given twice (two otpCode, two phoneNumber) is read differently by different parsers: refuse it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** What a field was sent as. */
    enum Kind { MISSING, NULL, TEXT, WHOLE_NUMBER, FRACTION, OTHER }

    /**
     * One field as sent: its kind and, for a string or a whole number, its text (a number's digits, as
     * {@link BigInteger} writes them; Okta's API reference renders codes that way); null for any other kind.
     */
    record Field(Kind kind, String text, boolean negative) {

        static final Field MISSING = new Field(Kind.MISSING, null, false);
    }

    Field eventId = Field.MISSING;
    Field requestType = Field.MISSING;
    Field source = Field.MISSING;
    /** Whether {@code data.messageProfile} is an object. */
    boolean profile;
    Field phoneNumber = Field.MISSING;
    Field otpCode = Field.MISSING;
    Field deliveryChannel = Field.MISSING;
    Field msgTemplate = Field.MISSING;
    Field locale = Field.MISSING;
    Field otpExpires = Field.MISSING;

    private OktaRequestJson() {
    }

    /**
     * @return the fields, or null when the text is JSON but not an object
     * @throws IOException the text is not JSON, has a key twice, or has anything after its value
     */
    static OktaRequestJson read(String text) throws IOException {
        return read(JSON.createParser(text));
    }

    /**
     * The same from bytes that are plain ASCII ({@link Utf8Body#isPlainAscii}): Jackson reads them as UTF-8 without a
     * string of the body first. Any other bytes go through {@link Utf8Body#decode} and {@link #read(String)}.
     */
    static OktaRequestJson readAscii(byte[] ascii) throws IOException {
        return read(JSON.createParser(ascii));
    }

    private static OktaRequestJson read(JsonParser parser) throws IOException {
        try (JsonParser json = parser) {
            JsonToken first = json.nextToken();
            OktaRequestJson fields = first == JsonToken.START_OBJECT ? new OktaRequestJson() : null;
            if (fields != null) {
                fields.readRoot(json);
            } else if (first != null) {
                json.skipChildren();
            }
            // Trailing bytes after the value mean a truncated or concatenated body: refuse rather than guess.
            if (first != null && json.nextToken() != null) {
                throw new IOException("Trailing token after the request's JSON value");
            }
            return fields;
        }
    }

    private void readRoot(JsonParser json) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            switch (name) {
                case "eventId" -> eventId = field(json, value);
                case "requestType" -> requestType = field(json, value);
                case "source" -> source = field(json, value);
                case "data" -> readData(json, value);
                default -> json.skipChildren();
            }
        }
    }

    private void readProfile(JsonParser json) throws IOException {
        profile = true;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            switch (name) {
                case "phoneNumber" -> phoneNumber = field(json, value);
                case "otpCode" -> otpCode = field(json, value);
                case "deliveryChannel" -> deliveryChannel = field(json, value);
                case "msgTemplate" -> msgTemplate = field(json, value);
                case "locale" -> locale = field(json, value);
                case "otpExpires" -> otpExpires = field(json, value);
                default -> json.skipChildren();
            }
        }
    }

    /** {@code data}: its {@code messageProfile} object is read; the rest, or a {@code data} not an object, skipped. */
    private void readData(JsonParser json, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            if (json.nextToken() == JsonToken.START_OBJECT && name.equals("messageProfile")) {
                readProfile(json);
            } else {
                json.skipChildren();
            }
        }
    }

    private static Field field(JsonParser json, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> new Field(Kind.TEXT, json.getText(), false);
            case VALUE_NUMBER_INT -> {
                BigInteger number = json.getBigIntegerValue();
                yield new Field(Kind.WHOLE_NUMBER, number.toString(), number.signum() < 0);
            }
            case VALUE_NUMBER_FLOAT -> new Field(Kind.FRACTION, null, false);
            case VALUE_NULL -> new Field(Kind.NULL, null, false);
            default -> {
                json.skipChildren();
                yield new Field(Kind.OTHER, null, false);
            }
        };
    }
}
