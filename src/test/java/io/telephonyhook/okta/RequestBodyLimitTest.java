package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.converter.stream.ReaderCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The route's size limit on the bodies hosts hand over: a reader (platform-http on Spring MVC, which Camel's stream
 * caching holds as a {@link ReaderCache}) is read by the step itself, counted in UTF-8 bytes, and kept as those bytes;
 * so is a stream (Vert.x's body, as stream caching holds it); anything else goes through Camel's conversion as before.
 */
class RequestBodyLimitTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final RequestBodyLimit limit = new RequestBodyLimit(1000);

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void aReaderUnderTheLimitIsKeptAsItsUtf8Bytes() {
        String text = "{\"msgTemplate\":\"Votre code est 482913, é ü 中\"}".repeat(10);
        Exchange exchange = withBody(new StringReader(text));

        limit.process(exchange);

        assertThat(exchange.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat((byte[]) exchange.getMessage().getBody()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void camelsReaderCacheIsReadTheSameWay() {
        String text = "{\"eventId\":\"6bb3f4a5\"}".repeat(40); // 880 characters, read in pieces of 1 KB at most
        Exchange exchange = withBody(new ReaderCache(text));

        limit.process(exchange);

        assertThat(new String((byte[]) exchange.getMessage().getBody(), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void aReaderOverTheLimitInBytesIsRefusedThoughItHasFewerCharactersThanTheLimit() {
        Reader twoBytesEach = new StringReader("é".repeat(600)); // 600 characters, 1200 bytes

        assertThatThrownBy(() -> limit.process(withBody(twoBytesEach))).isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void aLongReaderIsRefusedWithoutBeingReadToItsEnd() throws Exception {
        StringReader huge = new StringReader("x".repeat(1_000_000));

        assertThatThrownBy(() -> limit.process(withBody(huge))).isInstanceOf(RequestTooLargeException.class);
        assertThat(huge.skip(Long.MAX_VALUE)).as("characters never read").isGreaterThan(990_000);
    }

    @Test
    void aStreamIsReadTheSameWayAndALongOneNeverToItsEnd() {
        byte[] json = "{\"msgTemplate\":\"Votre code est 482913, é\"}".repeat(20).getBytes(StandardCharsets.UTF_8);
        Exchange underTheLimit = withBody(new ByteArrayInputStream(Arrays.copyOf(json, 1000)));
        ByteArrayInputStream huge = new ByteArrayInputStream(new byte[1_000_000]);

        limit.process(underTheLimit);

        assertThat((byte[]) underTheLimit.getMessage().getBody()).isEqualTo(Arrays.copyOf(json, 1000));
        assertThatThrownBy(() -> limit.process(withBody(huge))).isInstanceOf(RequestTooLargeException.class);
        assertThat(huge.available()).as("bytes never read").isGreaterThan(990_000);
    }

    @Test
    void bytesAndTextGoThroughCamelsConversion() { // (text in the JVM's charset, as before: no host hands it over)
        Exchange bytes = withBody("{}".getBytes(StandardCharsets.UTF_8));
        Exchange text = withBody("{\"a\":1}");
        Exchange tooLong = withBody("x".repeat(1001));

        limit.process(bytes);
        limit.process(text);

        assertThat((byte[]) bytes.getMessage().getBody()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat((byte[]) text.getMessage().getBody()).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> limit.process(tooLong)).isInstanceOf(RequestTooLargeException.class);
    }

    private Exchange withBody(Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
