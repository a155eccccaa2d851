package io.telephonyhook.twilio;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.component.twilio.TwilioComponent;
import org.apache.camel.component.twilio.TwilioConfiguration;
import org.apache.camel.component.twilio.internal.TwilioApiName;

/**
 * camel-twilio's component, whose endpoints ({@link CachedSettersTwilioEndpoint}) look up the Twilio executors' setters
 * and {@code create} method once per class rather than on every request: the same requests to Twilio, the same
 * results and exceptions, without the reflection that took about 5 % of the hook's CPU at saturation. The hook carries
 * it until camel-twilio caches these lookups itself (docs/upstream/camel-twilio-cached-setters.md).
 *
 * <p>Annotated with the scheme as camel-twilio's own component is, so that Camel resolves the same generated
 * configurers for it ({@code twilio-component}, {@code twilio-endpoint}): options and the autowired
 * {@code restClient} are set on it as on upstream's.
 */
@org.apache.camel.spi.annotations.Component(CachedSettersTwilioComponent.SCHEME)
public class CachedSettersTwilioComponent extends TwilioComponent {

    public static final String SCHEME = "twilio";

    /** Shared by this component's endpoints: the lookups are per executor class, whichever endpoint made them. */
    private final TwilioExecutorLookups lookups = new TwilioExecutorLookups();

    /**
     * Makes {@code twilio:} endpoints of this Camel context use this component, unless the context already has a
     * {@code twilio} component (added, or created by an earlier look-up) or the registry has one under that name: an
     * application's own component is left as it is. Call it before the routes are added; idempotent.
     */
    public static void install(CamelContext camel) {
        boolean hasOne = camel.getComponentNames().contains(SCHEME)
                || camel.getRegistry().lookupByName(SCHEME) instanceof Component;
        if (!hasOne) {
            // bound, not added: Camel takes it from the registry when a route first needs twilio:, and starts it
            // then, as it did camel-twilio's own; added, it started with Camel's services, between camel-main's HTTP
            // server opening its port and the hook's guards, and a call in that window got a 404 instead of a 503
            camel.getRegistry().bind(SCHEME, new CachedSettersTwilioComponent());
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String methodName, TwilioApiName apiName,
                                      TwilioConfiguration endpointConfiguration) {
        endpointConfiguration.setApiName(apiName); // as upstream's createEndpoint
        endpointConfiguration.setMethodName(methodName);
        return new CachedSettersTwilioEndpoint(uri, this, apiName, methodName, endpointConfiguration, lookups);
    }

    /** The lookups made so far, for tests. */
    TwilioExecutorLookups lookups() {
        return lookups;
    }
}
