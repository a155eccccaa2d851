package io.telephonyhook.config.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A size setting ({@code 64KB}, {@code 1MB}, or plain bytes; see {@link io.telephonyhook.config.DataSizes}) that
 * reads, within bounds in bytes. Null passes.
 */
@Documented
@Constraint(validatedBy = SizeRangeValidator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SizeRange {

    long min();

    long max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
