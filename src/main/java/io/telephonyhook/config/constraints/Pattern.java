package io.telephonyhook.config.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text setting that matches {@link #regexp} whole, as Bean Validation's {@code @Pattern}. Null passes. */
@Documented
@SettingConstraint
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Pattern {

    String regexp();

    /** The refusal, after the setting's environment variable: plain text. */
    String message();
}
