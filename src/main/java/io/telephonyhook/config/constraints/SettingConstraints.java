package io.telephonyhook.config.constraints;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.camel.util.TimeUtils;

import io.telephonyhook.config.DataSizes;

/**
 * Checks the constraints on a settings type's fields, its superclasses' included: {@link Min}, {@link Max},
 * {@link Pattern}, {@link NotBlank} and {@link Size}, named and meant as Bean Validation's (null passes all but
 * {@code NotBlank}), and the hook's {@link DurationRange} and {@link SizeRange}.
 * <p>
 * Why not Bean Validation: Hibernate Validator loaded 531 classes and cost about a quarter of a second of CPU in every
 * start, in every host, for the eighteen constraints the settings carry; and its API alone on the class path has
 * Spring MVC look for a provider in every context and log that it found none (measured and seen in
 * {@code docs/performance-history.md}, 2026-12-07). A {@link SettingConstraint} this class does not know, or one on a
 * field of a type it cannot check, stops the check rather than passing unchecked ({@code SettingConstraintsTest} walks
 * every settings type).
 */
public final class SettingConstraints {

    /** One broken constraint: the field's name and the constraint's message. */
    public record Violation(String field, String message) {
    }

    private record FieldCheck(Field field, Predicate<Object> valid, String message) {
    }

    /** The boxed integral types {@code @Min} and {@code @Max} take here (the settings hold no primitives). */
    private static final List<Class<?>> INTEGRAL = List.of(Integer.class, Long.class, Short.class, Byte.class);

    private static final ClassValue<List<FieldCheck>> CHECKS = new ClassValue<>() {
        @Override
        protected List<FieldCheck> computeValue(Class<?> type) {
            List<FieldCheck> checks = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    for (Annotation annotation : field.getAnnotations()) {
                        Predicate<Object> valid = check(annotation, field);
                        if (valid != null) {
                            field.setAccessible(true);
                            checks.add(new FieldCheck(field, valid, message(annotation, field)));
                        }
                    }
                }
            }
            return List.copyOf(checks);
        }
    };

    private SettingConstraints() {
    }

    /** The constraints {@code settings} breaks, in no particular order; none when it keeps them all. */
    public static List<Violation> violations(Object settings) {
        List<Violation> violations = new ArrayList<>();
        for (FieldCheck check : CHECKS.get(settings.getClass())) {
            Object value;
            try {
                value = check.field().get(settings);
            } catch (IllegalAccessException unreachable) {
                throw new IllegalStateException(unreachable);
            }
            if (!check.valid().test(value)) {
                violations.add(new Violation(check.field().getName(), check.message()));
            }
        }
        return violations;
    }

    /** The test of one annotation on a field; null for an annotation that is no constraint. */
    private static Predicate<Object> check(Annotation annotation, Field field) {
        if (annotation instanceof Min min) {
            requireType(field, annotation, INTEGRAL);
            return value -> value == null || ((Number) value).longValue() >= min.value();
        }
        if (annotation instanceof Max max) {
            requireType(field, annotation, INTEGRAL);
            return value -> value == null || ((Number) value).longValue() <= max.value();
        }
        if (annotation instanceof Pattern pattern) {
            requireType(field, annotation, List.of(CharSequence.class));
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern.regexp());
            return value -> value == null || regex.matcher((CharSequence) value).matches();
        }
        if (annotation instanceof NotBlank) {
            requireType(field, annotation, List.of(CharSequence.class));
            return value -> value != null && !value.toString().trim().isEmpty();
        }
        if (annotation instanceof Size size) {
            requireType(field, annotation, List.of(CharSequence.class));
            return value -> value == null
                    || ((CharSequence) value).length() >= size.min() && ((CharSequence) value).length() <= size.max();
        }
        if (annotation instanceof DurationRange range) {
            requireType(field, annotation, List.of(Duration.class));
            Duration min = bound(range.min());
            Duration max = bound(range.max());
            return value -> {
                if (value == null) {
                    return true;
                }
                int fromMin = ((Duration) value).compareTo(min);
                return (range.minExclusive() ? fromMin > 0 : fromMin >= 0) && ((Duration) value).compareTo(max) <= 0;
            };
        }
        if (annotation instanceof SizeRange range) {
            requireType(field, annotation, List.of(String.class));
            return value -> {
                if (value == null) {
                    return true;
                }
                long bytes = DataSizes.bytes((String) value); // -1 when it does not read
                return bytes >= range.min() && bytes <= range.max();
            };
        }
        if (annotation.annotationType().isAnnotationPresent(SettingConstraint.class)) {
            throw new IllegalStateException(
                    "@" + annotation.annotationType().getSimpleName() + " on " + where(field) + " is not checked here");
        }
        return null;
    }

    /** A {@link DurationRange} bound ({@code 3000ms}, {@code 1d}, {@code 0}) as Camel reads a duration, in every host. */
    private static Duration bound(String bound) {
        return Duration.ofMillis(TimeUtils.toMilliSeconds(bound));
    }

    private static void requireType(Field field, Annotation annotation, List<Class<?>> types) {
        if (types.stream().noneMatch(type -> type.isAssignableFrom(field.getType()))) {
            throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + " on " + where(field)
                    + " of type " + field.getType().getSimpleName() + " is not checked here");
        }
    }

    private static String where(Field field) {
        return field.getDeclaringClass().getSimpleName() + "." + field.getName();
    }

    /** The annotation's message: every setting constraint has one, in plain text. */
    private static String message(Annotation annotation, Field field) {
        try {
            return (String) annotation.annotationType().getMethod("message").invoke(annotation);
        } catch (ReflectiveOperationException failed) {
            throw new IllegalStateException("No message on @" + annotation.annotationType().getSimpleName() + " on "
                    + where(field), failed);
        }
    }
}
