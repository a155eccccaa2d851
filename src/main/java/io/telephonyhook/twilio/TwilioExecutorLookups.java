package io.telephonyhook.twilio;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.twilio.http.TwilioRestClient;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.StringHelper;

/**
 * What camel-twilio looks up by reflection on every request, looked up once per Twilio executor class (a
 * {@code MessageCreator}, a {@code CallCreator}, ...): the setters each {@code CamelTwilio.*} header name matches, and
 * the executor's {@code create/delete/fetch/read/update(TwilioRestClient)}. Upstream scans {@code Class.getMethods()}
 * of the executor and of each of its superclasses for every header of every request, and calls
 * {@code getDeclaredMethod} for every request: about 5 % of the hook's CPU at saturation.
 *
 * <p>The setters are found exactly as Camel's {@code IntrospectionSupport.findSetterMethods} finds them for
 * {@code BeanIntrospection.setProperty} (what camel-twilio calls, case-sensitive, builder methods allowed), in the same
 * order, so {@link CachedSettersTwilioEndpoint} picks the setter Camel would pick. A name with no setter is kept too
 * (no setter: upstream ignores the header). The names kept per class are bounded: headers are the route's, but a name
 * past the bound is simply not cached, and goes Camel's own way.
 */
final class TwilioExecutorLookups {

    /** Header names kept per executor class; the hook's routes use about ten. */
    static final int MAX_NAMES_PER_CLASS = 64;

    /** A setter and its one parameter's type ({@code Method.getParameterTypes()} copies its array on every call). */
    record Setter(Method method, Class<?> type) {
    }

    private static final Setter[] NONE = new Setter[0];

    private final ClassValue<ExecutorClass> classes = new ClassValue<>() {
        @Override
        protected ExecutorClass computeValue(Class<?> type) {
            return new ExecutorClass();
        }
    };
    private final AtomicLong misses = new AtomicLong();

    /** What is known of one executor class so far. */
    private static final class ExecutorClass {
        final Map<String, Setter[]> setters = new ConcurrentHashMap<>();
        final Map<String, Method> executorMethods = new ConcurrentHashMap<>(8);
    }

    /**
     * The setters {@code name} matches on {@code type}, in Camel's order; empty for none; null when the name is not
     * cached (a map or list key such as {@code name[key]}, an empty name, a setter Camel could not make accessible, or
     * past {@link #MAX_NAMES_PER_CLASS}): the caller then leaves the header to Camel's {@code BeanIntrospection}.
     */
    Setter[] setters(Class<?> type, String name) {
        ExecutorClass known = classes.get(type);
        Setter[] setters = known.setters.get(name);
        if (setters != null) {
            return setters;
        }
        if (name.isEmpty() || name.contains("[") && name.endsWith("]")
                || known.setters.size() >= MAX_NAMES_PER_CLASS) {
            return null;
        }
        misses.incrementAndGet();
        setters = find(type, name);
        if (setters != null) {
            known.setters.putIfAbsent(name, setters);
        }
        return setters;
    }

    /** The executor's {@code methodName(TwilioRestClient)}, as upstream's {@code getDeclaredMethod} finds it. */
    Method executorMethod(Class<?> type, String methodName) throws NoSuchMethodException {
        ExecutorClass known = classes.get(type);
        Method method = known.executorMethods.get(methodName);
        if (method == null) {
            misses.incrementAndGet();
            method = type.getDeclaredMethod(methodName, TwilioRestClient.class); // none: thrown, as upstream, not kept
            known.executorMethods.putIfAbsent(methodName, method);
        }
        return method;
    }

    /** How many times a setter or executor method was looked up by reflection: once per class and name. */
    long misses() {
        return misses.get();
    }

    /** Camel's search: {@code setName}, {@code withName} or {@code name}, on the class and then each superclass. */
    private static Setter[] find(Class<?> type, String name) {
        String capitalized = StringHelper.capitalize(name, true);
        String setName = "set" + capitalized;
        String withName = "with" + capitalized;
        String bareName = Character.toLowerCase(capitalized.charAt(0)) + capitalized.substring(1);
        Set<Method> found = new LinkedHashSet<>();
        for (Class<?> level = type; level != Object.class; level = level.getSuperclass()) {
            Method objectSetter = null; // Camel tries a setter taking Object last on each level
            for (Method method : level.getMethods()) {
                String methodName = method.getName();
                if ((methodName.equals(setName) || methodName.equals(withName) || methodName.equals(bareName))
                        && isSetter(method)) {
                    if (method.getParameterTypes()[0].equals(Object.class)) {
                        objectSetter = method;
                    } else {
                        found.add(method);
                    }
                }
            }
            if (objectSetter != null) {
                found.add(objectSetter);
            }
        }
        if (found.isEmpty()) {
            return NONE;
        }
        Setter[] setters = new Setter[found.size()];
        int i = 0;
        for (Method method : found) {
            try {
                method.setAccessible(true); // as Camel does before each call
            } catch (RuntimeException inaccessible) {
                return null; // Camel would fail in its own words: leave it to Camel
            }
            setters[i++] = new Setter(method, method.getParameterTypes()[0]);
        }
        return setters;
    }

    /** Camel's {@code isSetter(method, allowBuilderPattern = true)}. */
    private static boolean isSetter(Method method) {
        if (method.getParameterCount() != 1) {
            return false;
        }
        String name = method.getName();
        boolean setName = name.startsWith("set") && name.length() >= 4 && Character.isUpperCase(name.charAt(3));
        return setName && method.getReturnType().equals(Void.TYPE)
                || ObjectHelper.isSubclass(method.getDeclaringClass(), method.getReturnType());
    }
}
