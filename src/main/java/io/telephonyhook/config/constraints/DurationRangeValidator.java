package io.telephonyhook.config.constraints;

import java.time.Duration;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link DurationRange}. */
public class DurationRangeValidator implements ConstraintValidator<DurationRange, Duration> {

    private Duration min;
    private Duration max;
    private boolean minExclusive;

    @Override
    public void initialize(DurationRange range) {
        min = parse(range.min());
        max = parse(range.max());
        minExclusive = range.minExclusive();
    }

    @Override
    public boolean isValid(Duration value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int fromMin = value.compareTo(min);
        return (minExclusive ? fromMin > 0 : fromMin >= 0) && value.compareTo(max) <= 0;
    }

    /** {@code 3000ms}, {@code 1d}, or {@code 0}. */
    static Duration parse(String bound) {
        String unit = bound.replaceAll("[0-9]", "");
        long amount = Long.parseLong(bound.replaceAll("[^0-9]", ""));
        return switch (unit) {
            case "", "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("not a duration bound: " + bound);
        };
    }
}
