package io.telephonyhook.twilio;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.twilio.TwilioComponent;
import org.apache.camel.component.twilio.TwilioConfiguration;
import org.apache.camel.component.twilio.TwilioEndpoint;
import org.apache.camel.component.twilio.internal.TwilioApiName;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.component.ApiMethod;
import org.apache.camel.util.ObjectHelper;

import io.telephonyhook.twilio.TwilioExecutorLookups.Setter;

/**
 * camel-twilio's endpoint, doing what its {@code execute} does (each {@code CamelTwilio.*} header set on the Twilio
 * executor through its setter, then the executor's {@code create(TwilioRestClient)} called) with the reflection done
 * once per executor class ({@link TwilioExecutorLookups}) instead of on every request. Results and exceptions are
 * upstream's: a value the setter takes as it is is set directly; one it does not is converted by the Camel context's
 * type converter, as Camel would, and whatever that cannot do (no conversion, a text for a boolean, a map key) is left
 * to Camel's own {@code BeanIntrospection.setProperty}, which fails or ignores in its own words. Anything thrown is
 * wrapped in a {@link RuntimeCamelException}, as upstream wraps it.
 *
 * <p>Until camel-twilio caches these lookups itself (docs/upstream/camel-twilio-cached-setters.md). Its producer
 * chooses the API method once per set of header names, as {@link CachedMethodTwilioProducer} says.
 */
public class CachedSettersTwilioEndpoint extends TwilioEndpoint {

    private final TwilioExecutorLookups lookups;

    CachedSettersTwilioEndpoint(String uri, TwilioComponent component, TwilioApiName apiName, String methodName,
                                TwilioConfiguration configuration, TwilioExecutorLookups lookups) {
        super(uri, component, apiName, methodName, configuration);
        this.lookups = lookups;
    }

    /** Upstream's producer, choosing its API method once per set of names ({@link CachedMethodTwilioProducer}). */
    @Override
    public Producer createProducer() {
        return new CachedMethodTwilioProducer(this);
    }

    @Override
    public Object execute(Object executor, ApiMethod method, Map<String, Object> properties) {
        String executorMethod = EXECUTOR_METHOD_MAP.get(method.getName());
        if (executorMethod == null) {
            throw new IllegalArgumentException("Invalid method name " + method.getName());
        }
        try {
            setOnExecutor(executor, properties);
            return doExecute(executor, executorMethod, properties);
        } catch (Exception e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    protected Object doExecute(Object executor, String methodName, Map<String, Object> properties) throws Exception {
        Method method = lookups.executorMethod(executor.getClass(), methodName);
        return method.invoke(executor, properties.getOrDefault("client", getRestClient()));
    }

    /** Every property through its setter, as upstream's loop over {@code BeanIntrospection.setProperty}. */
    void setOnExecutor(Object executor, Map<String, Object> properties) throws Exception {
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            setProperty(executor, property.getKey(), property.getValue());
        }
    }

    private void setProperty(Object executor, String name, Object value) throws Exception {
        Setter[] setters = lookups.setters(executor.getClass(), name);
        if (setters == null) {
            asCamelDoes(executor, name, value);
            return;
        }
        if (setters.length == 0) {
            return; // no setter of that name: upstream's setProperty returns false, and the header is ignored
        }
        Setter setter = setters[0];
        if (setters.length > 1 && value != null) { // Camel prefers the overload whose parameter the value is
            for (Setter candidate : setters) {
                if (candidate.type().isInstance(value)) {
                    setter = candidate;
                    break;
                }
            }
        }
        Object argument = value;
        if (value != null && !ObjectHelper.isAssignableFrom(setter.type(), value.getClass())) {
            argument = converted(setter.type(), value);
            if (argument == null) {
                asCamelDoes(executor, name, value);
                return;
            }
        }
        try {
            setter.method().invoke(executor, argument);
        } catch (InvocationTargetException e) { // Camel throws what the setter threw
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            throw (Error) e.getCause();
        }
    }

    /** The value as the setter's type, as Camel would convert it; null where Camel has to decide. */
    private Object converted(Class<?> type, Object value) {
        if ((type == Boolean.class || type == boolean.class) && value instanceof String) {
            return null; // Camel takes only "true" and "false", and tries the next setter otherwise
        }
        return getCamelContext().getTypeConverter().tryConvertTo(type, value);
    }

    private void asCamelDoes(Object executor, String name, Object value) throws Exception {
        CamelContext camel = getCamelContext();
        PluginHelper.getBeanIntrospection(camel).setProperty(camel, executor, name, value);
    }
}
