package io.telephonyhook.config.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text setting with more than whitespace in it, as Bean Validation's {@code @NotBlank}. Null fails. */
@Documented
@SettingConstraint
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NotBlank {

    /** The refusal, after the setting's environment variable: plain text. */
    String message();
}
