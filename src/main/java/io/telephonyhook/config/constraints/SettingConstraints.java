package io.telephonyhook.config.constraints;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Checks the Bean Validation constraints on a settings type's fields, its superclasses' included: {@code @Min},
 * {@code @Max}, {@code @Pattern}, {@code @NotBlank} and {@code @Size} as the Bean Validation specification defines them
 * (null passes all but {@code @NotBlank}), and any constraint of the hook's own ({@link DurationRange},
 * {@link SizeRange}) by the {@link ConstraintValidator} its {@code @Constraint} names.
 * <p>
 * Why not a Bean Validation provider: Hibernate Validator loaded 530 classes and cost about a quarter of a second of
 * CPU in every start, in every host, for the eighteen constraints the settings carry (measured in
 * {@code docs/performance-history.md}). The annotations stay the standard ones, so an IDE or another provider reads
 * them as before. A constraint this class does not know, or a message left to a provider's template, stops the check
 * rather than passing unchecked ({@code SettingConstraintsTest} walks every settings type).
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
            int flags = 0;
            for (Pattern.Flag flag : pattern.flags()) {
                flags |= flag.getValue();
            }
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern.regexp(), flags);
            return value -> value == null || regex.matcher((CharSequence) value).matches();
        }
        if (annotation instanceof NotBlank) {
            requireType(field, annotation, List.of(CharSequence.class));
            return value -> value != null && !value.toString().trim().isEmpty();
        }
        if (annotation instanceof Size size) {
            requireType(field, annotation, List.of(CharSequence.class, Collection.class, Map.class));
            return value -> {
                if (value == null) {
                    return true;
                }
                int length = value instanceof CharSequence text ? text.length()
                        : value instanceof Collection<?> collection ? collection.size() : ((Map<?, ?>) value).size();
                return length >= size.min() && length <= size.max();
            };
        }
        boolean standard = annotation.annotationType().getPackageName().startsWith("jakarta.validation");
        if (standard) {
            throw new IllegalStateException(
                    "@" + annotation.annotationType().getSimpleName() + " on " + where(field) + " is not checked here");
        }
        Constraint constraint = annotation.annotationType().getAnnotation(Constraint.class);
        return constraint == null ? null : ownConstraint(annotation, constraint);
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate<Object> ownConstraint(Annotation annotation, Constraint constraint) {
        try {
            ConstraintValidator validator = constraint.validatedBy()[0].getDeclaredConstructor().newInstance();
            validator.initialize(annotation);
            // the hook's validators never use the context (no custom messages, no nodes)
            return value -> validator.isValid(value, null);
        } catch (ReflectiveOperationException failed) {
            throw new IllegalStateException("Cannot make the validator of @"
                    + annotation.annotationType().getSimpleName(), failed);
        }
    }

    /** The annotation's own message: the settings' messages are plain text, not a provider's templates. */
    private static String message(Annotation annotation, Field field) {
        try {
            String message = (String) annotation.annotationType().getMethod("message").invoke(annotation);
            if (message.startsWith("{")) {
                throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + " on "
                        + where(field) + " needs a message of its own (a template is not interpolated here): " + message);
            }
            return message;
        } catch (ReflectiveOperationException failed) {
            throw new IllegalStateException("No message on @" + annotation.annotationType().getSimpleName(), failed);
        }
    }
}
