package io.telephonyhook.config.constraints;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.telephonyhook.config.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings' constraints, as Bean Validation defines those of the same names, checked without it. */
class SettingConstraintsTest {

    static class Numbers {
        @Min(value = 1, message = "at least 1")
        @Max(value = 10, message = "at most 10")
        Integer count;
        @Max(value = 5_000_000_000L, message = "at most five billion")
        Long big;
    }

    static class Texts {
        @Pattern(regexp = "[a-z]{2}[0-9]", message = "a region")
        String region;
        @NotBlank(message = "a header")
        String header = "Authorization";
        @Size(min = 12, message = "12 or more")
        String secret;
        @Size(max = 2, message = "two at most")
        String pair;
        @Deprecated
        String notAConstraint = "";
    }

    static class Window {
        @DurationRange(min = "1m", max = "7d", message = "1m to 7 days")
        Duration ttl;
        @DurationRange(min = "0", minExclusive = true, max = "3000ms", message = "more than 0, at most 3000ms")
        Duration deadline;
    }

    static class Child extends Window {
        @SizeRange(min = 1024, max = 2048, message = "1KB to 2KB")
        String size;
    }

    @SettingConstraint
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Email {
        String message();
    }

    static class UnknownConstraint {
        @Email(message = "an address")
        String address;
    }

    static class WrongType {
        @Min(value = 1, message = "at least 1")
        String count;
    }

    @Test
    void everySettingsTypeIsCheckedAndItsDefaultsKeepTheirConstraints() {
        for (Settings.Bound bound : Settings.defaults().bound()) {
            assertThat(SettingConstraints.violations(bound.settings())).as(bound.prefix()).isEmpty();
        }
    }

    @Test
    void minAndMaxTakeTheBoundsAndLetNullPass() {
        Numbers numbers = new Numbers();
        assertThat(SettingConstraints.violations(numbers)).isEmpty();
        numbers.count = 0;
        assertThat(SettingConstraints.violations(numbers))
                .containsExactly(new SettingConstraints.Violation("count", "at least 1"));
        numbers.count = 1;
        assertThat(SettingConstraints.violations(numbers)).isEmpty();
        numbers.count = 10;
        assertThat(SettingConstraints.violations(numbers)).isEmpty();
        numbers.count = 11;
        assertThat(SettingConstraints.violations(numbers))
                .containsExactly(new SettingConstraints.Violation("count", "at most 10"));
        numbers.count = Integer.MIN_VALUE;
        assertThat(SettingConstraints.violations(numbers)).extracting(SettingConstraints.Violation::message)
                .containsExactly("at least 1");
        numbers.count = 5;
        numbers.big = 5_000_000_001L;
        assertThat(SettingConstraints.violations(numbers)).extracting(SettingConstraints.Violation::message)
                .containsExactly("at most five billion");
    }

    @Test
    void patternMatchesTheWholeValue() {
        Texts texts = new Texts();
        texts.region = "ie1";
        assertThat(SettingConstraints.violations(texts)).isEmpty();
        for (String notWhole : new String[] {"ie1x", "xie1", "IE1", ""}) {
            texts.region = notWhole;
            assertThat(SettingConstraints.violations(texts)).as(notWhole).extracting(SettingConstraints.Violation::field)
                    .containsExactly("region");
        }
    }

    @Test
    void notBlankRefusesNullEmptyAndWhitespace() {
        Texts texts = new Texts();
        for (String blank : new String[] {null, "", "  ", "\t\n"}) {
            texts.header = blank;
            assertThat(SettingConstraints.violations(texts)).as(String.valueOf(blank))
                    .containsExactly(new SettingConstraints.Violation("header", "a header"));
        }
        texts.header = " X ";
        assertThat(SettingConstraints.violations(texts)).isEmpty();
    }

    @Test
    void sizeCountsCharactersAndLetsNullPass() {
        Texts texts = new Texts();
        texts.secret = "12345678901";
        texts.pair = "abc";
        assertThat(SettingConstraints.violations(texts)).extracting(SettingConstraints.Violation::message)
                .containsExactlyInAnyOrder("12 or more", "two at most");
        texts.secret = "123456789012";
        texts.pair = "ab";
        assertThat(SettingConstraints.violations(texts)).isEmpty();
    }

    @Test
    void durationAndSizeRangesOnSuperclassFieldsToo() {
        Child child = new Child();
        assertThat(SettingConstraints.violations(child)).isEmpty();
        child.ttl = Duration.ofSeconds(59);
        child.size = "4KB";
        assertThat(SettingConstraints.violations(child)).containsExactlyInAnyOrder(
                new SettingConstraints.Violation("ttl", "1m to 7 days"),
                new SettingConstraints.Violation("size", "1KB to 2KB"));
        child.ttl = Duration.ofDays(7);
        child.size = "lots";
        assertThat(SettingConstraints.violations(child)).extracting(SettingConstraints.Violation::field)
                .containsExactly("size");
        child.size = "2KB";
        child.deadline = Duration.ZERO;
        assertThat(SettingConstraints.violations(child)).extracting(SettingConstraints.Violation::field)
                .containsExactly("deadline");
        child.deadline = Duration.ofMillis(3000);
        assertThat(SettingConstraints.violations(child)).isEmpty();
        child.deadline = Duration.ofMillis(3001);
        assertThat(SettingConstraints.violations(child)).extracting(SettingConstraints.Violation::field)
                .containsExactly("deadline");
    }

    @Test
    void whatItCannotCheckStopsTheCheckRatherThanPassing() {
        assertThatThrownBy(() -> SettingConstraints.violations(new UnknownConstraint()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@Email on UnknownConstraint.address");
        assertThatThrownBy(() -> SettingConstraints.violations(new WrongType()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("of type String");
    }

    @Test
    void noBeanValidationOnTheClassPath() {
        // a provider would be bootstrapped by Spring Boot in every start; the API alone has Spring MVC look for one in
        // every context and log that it found none
        assertThatThrownBy(() -> Class.forName("org.hibernate.validator.HibernateValidator"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("jakarta.validation.Validator"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
