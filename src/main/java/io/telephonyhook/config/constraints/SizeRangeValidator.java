package io.telephonyhook.config.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.telephonyhook.config.DataSizes;

/** Checks {@link SizeRange}; a size that does not read fails too. */
public class SizeRangeValidator implements ConstraintValidator<SizeRange, String> {

    private long min;
    private long max;

    @Override
    public void initialize(SizeRange range) {
        min = range.min();
        max = range.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        long bytes = DataSizes.bytes(value);
        return bytes >= min && bytes <= max;
    }
}
