package io.telephonyhook.config.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text setting of {@link #min} to {@link #max} characters, as Bean Validation's {@code @Size}. Null passes. */
@Documented
@SettingConstraint
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Size {

    int min() default 0;

    int max() default Integer.MAX_VALUE;

    /** The refusal, after the setting's environment variable: plain text. */
    String message();
}
