package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.converter.stream.ByteArrayInputStreamCache;
import org.apache.camel.converter.stream.ReaderCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

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
    void camelsByteStreamCacheIsCopiedOnceAtItsLengthAndOneOverTheLimitIsNotReadAtAll() {
        byte[] json = "{\"eventId\":\"6bb3f4a5\"}".repeat(30).getBytes(StandardCharsets.UTF_8); // 660 bytes
        ByteArrayInputStreamCache vertxBody = new ByteArrayInputStreamCache(new ByteArrayInputStream(json));
        ByteArrayInputStreamCache huge = new ByteArrayInputStreamCache(new ByteArrayInputStream(new byte[1001]));
        Exchange underTheLimit = withBody(vertxBody);

        limit.process(underTheLimit);

        assertThat((byte[]) underTheLimit.getMessage().getBody()).isEqualTo(json);
        assertThatThrownBy(() -> limit.process(withBody(huge))).isInstanceOf(RequestTooLargeException.class);
        assertThat(huge.position()).as("bytes read of a body over the limit").isZero();
    }

    @Test
    void aStreamCacheAlreadyPartlyReadGivesWhatIsLeft() throws Exception {
        ByteArrayInputStreamCache cache = new ByteArrayInputStreamCache(
                new ByteArrayInputStream("xx{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(cache.skip(2)).isEqualTo(2);
        Exchange exchange = withBody(cache);

        limit.process(exchange);

        assertThat(new String((byte[]) exchange.getMessage().getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void anotherStreamCacheIsReadInPiecesWhateverLengthItGivesAndStillLimited() {
        Exchange saysTen = withBody(new Understated("0123456789abcdef", 10));
        Exchange saysTenHoldsTooMuch = withBody(new Understated("x".repeat(1001), 10));

        limit.process(saysTen);

        assertThat(new String((byte[]) saysTen.getMessage().getBody(), StandardCharsets.UTF_8))
                .isEqualTo("0123456789abcdef");
        assertThatThrownBy(() -> limit.process(saysTenHoldsTooMuch)).isInstanceOf(RequestTooLargeException.class);
    }

    /** A stream cache whose length is less than it holds: only Vert.x's byte cache is taken at its word. */
    private static final class Understated extends ByteArrayInputStream implements StreamCache {
        private final long said;

        Understated(String text, long said) {
            super(text.getBytes(StandardCharsets.UTF_8));
            this.said = said;
        }

        @Override
        public long length() {
            return said;
        }

        @Override
        public long position() {
            return 0;
        }

        @Override
        public void writeTo(OutputStream os) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StreamCache copy(Exchange exchange) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean inMemory() {
            return true;
        }
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

    /** Vert.x's body as the standalone application hands it over, stream caching off: its buffer, as bytes. */
    @Test
    void aVertxBufferBecomesItsBytes() {
        byte[] json = "{\"msgTemplate\":\"Votre code est 482913, é\"}".getBytes(StandardCharsets.UTF_8);
        Exchange underTheLimit = withBody(Buffer.buffer(json));
        Exchange overTheLimit = withBody(Buffer.buffer(new byte[1001]));

        limit.process(underTheLimit);

        assertThat((byte[]) underTheLimit.getMessage().getBody()).isEqualTo(json);
        assertThatThrownBy(() -> limit.process(overTheLimit)).isInstanceOf(RequestTooLargeException.class);
    }

    private Exchange withBody(Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
