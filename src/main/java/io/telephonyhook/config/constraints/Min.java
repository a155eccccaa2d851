package io.telephonyhook.config.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A whole-number setting at least {@link #value}, as Bean Validation's {@code @Min}. Null passes. */
@Documented
@SettingConstraint
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Min {

    long value();

    /** The refusal, after the setting's environment variable: plain text. */
    String message();
}
