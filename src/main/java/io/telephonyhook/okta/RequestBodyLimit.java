package io.telephonyhook.okta;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Refuses a body over {@code HOOK_MAX_BODY} with 413, as a step of the route, so the limit holds in every host. A
 * host that can refuse such a body before its bytes arrive does so too (the Spring Boot hosts do, with a servlet
 * filter; see the README for camel-main): this step is what holds when it cannot.
 */
public class RequestBodyLimit implements Processor {

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void process(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body != null && body.length > maxBytes) {
            throw new RequestTooLargeException(maxBytes);
        }
        if (body != null) { // kept as bytes: the steps after read them so, and would convert the host's reader again
            exchange.getMessage().setBody(body);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }
}
