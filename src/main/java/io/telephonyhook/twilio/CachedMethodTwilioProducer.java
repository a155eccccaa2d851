package io.telephonyhook.twilio;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.component.twilio.TwilioEndpoint;
import org.apache.camel.component.twilio.TwilioProducer;
import org.apache.camel.support.component.ApiMethod;

/**
 * camel-twilio's producer, choosing the API method (which {@code create} overload of the executor) once for each set
 * of {@code CamelTwilio.*} header names instead of on every request. Upstream filters the endpoint's candidate methods
 * against the names each time, a few lists and sets per SMS or call (3 % of what a call allocated on Okta's port on
 * Vert.x); the answer depends only on the names, and a route sends the same few sets over and over.
 *
 * <p>An endpoint that takes a parameter from the message body ({@code inBody}) is left to upstream: there, choosing the
 * method also puts the body among the properties. Upstream warns when several methods fit a set of names and it takes
 * the highest priority one; here that warning comes once per set, not on every request.
 */
class CachedMethodTwilioProducer extends TwilioProducer {

    /** More sets of names than any route here sends: past it, the method is chosen as upstream chooses it. */
    static final int MAX_NAME_SETS = 32;

    private final Map<Set<String>, ApiMethod> methods = new ConcurrentHashMap<>();
    private final boolean fromHeadersOnly;

    CachedMethodTwilioProducer(TwilioEndpoint endpoint) {
        super(endpoint);
        this.fromHeadersOnly = endpoint.getInBody() == null;
    }

    @Override
    protected ApiMethod findMethod(Exchange exchange, Map<String, Object> properties) {
        if (!fromHeadersOnly) {
            return super.findMethod(exchange, properties);
        }
        ApiMethod chosen = methods.get(properties.keySet()); // a Set equals any Set of the same names
        if (chosen == null) {
            chosen = super.findMethod(exchange, properties); // throws, as upstream, when names are missing
            if (chosen != null && methods.size() < MAX_NAME_SETS) {
                methods.put(Set.copyOf(properties.keySet()), chosen);
            }
        }
        return chosen;
    }

    /** The method chosen for each set of names so far (for tests). */
    Map<Set<String>, ApiMethod> chosen() {
        return Map.copyOf(methods);
    }
}
