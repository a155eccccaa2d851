package io.telephonyhook.config.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A size setting ({@code 64KB}, {@code 1MB}, or plain bytes; see {@link io.telephonyhook.config.DataSizes}) that
 * reads, within bounds in bytes; a size that does not read fails. Null passes.
 */
@Documented
@SettingConstraint
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SizeRange {

    /** The least allowed, in bytes. */
    long min();

    /** The most allowed, in bytes. */
    long max();

    /** The refusal, after the setting's environment variable: plain text. */
    String message();
}
