package io.telephonyhook.config.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link java.time.Duration} setting within bounds, written as the settings are ({@code 0}, {@code 3000ms},
 * {@code 1d}: a number and {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}). Null passes.
 */
@Documented
@SettingConstraint
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface DurationRange {

    /** The least allowed. */
    String min() default "0";

    /** Whether {@link #min} itself is refused. */
    boolean minExclusive() default false;

    /** The most allowed. */
    String max();

    /** The refusal, after the setting's environment variable: plain text. */
    String message();
}
