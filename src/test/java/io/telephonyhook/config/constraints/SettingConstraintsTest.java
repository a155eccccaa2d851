package io.telephonyhook.config.constraints;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import io.telephonyhook.config.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings' constraints as Bean Validation defines them, checked without a provider. */
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
        @Pattern(regexp = "abc", flags = Pattern.Flag.CASE_INSENSITIVE, message = "abc, any case")
        String letters;
        @NotBlank(message = "a header")
        String header = "Authorization";
        @Size(min = 12, message = "12 or more")
        String secret;
        @Size(max = 2, message = "two at most")
        List<String> pair;
        @Deprecated
        String notAConstraint = "";
    }

    static class Window {
        @DurationRange(min = "1m", max = "7d", message = "1m to 7 days")
        Duration ttl;
    }

    static class Child extends Window {
        @SizeRange(min = 1024, max = 2048, message = "1KB to 2KB")
        String size;
    }

    static class UnknownConstraint {
        @Email(message = "an address")
        String address;
    }

    static class TemplateMessage {
        @Min(1)
        Integer count;
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
    void patternMatchesTheWholeValueWithItsFlags() {
        Texts texts = new Texts();
        texts.region = "ie1";
        texts.letters = "ABC";
        assertThat(SettingConstraints.violations(texts)).isEmpty();
        texts.region = "ie1x";
        texts.letters = "abcd";
        assertThat(SettingConstraints.violations(texts)).extracting(SettingConstraints.Violation::field)
                .containsExactlyInAnyOrder("region", "letters");
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
    void sizeCountsCharactersAndElementsAndLetsNullPass() {
        Texts texts = new Texts();
        texts.secret = "12345678901";
        texts.pair = List.of("a", "b", "c");
        assertThat(SettingConstraints.violations(texts)).extracting(SettingConstraints.Violation::message)
                .containsExactlyInAnyOrder("12 or more", "two at most");
        texts.secret = "123456789012";
        texts.pair = List.of("a", "b");
        assertThat(SettingConstraints.violations(texts)).isEmpty();
    }

    @Test
    void theHooksOwnConstraintsRunTheirValidatorsOnSuperclassFieldsToo() {
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
    }

    @Test
    void whatItCannotCheckStopsTheCheckRatherThanPassing() {
        assertThatThrownBy(() -> SettingConstraints.violations(new UnknownConstraint()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@Email on UnknownConstraint.address");
        assertThatThrownBy(() -> SettingConstraints.violations(new TemplateMessage()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a message of its own");
        assertThatThrownBy(() -> SettingConstraints.violations(new WrongType()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("of type String");
    }

    @Test
    void noBeanValidationProviderIsOnTheClassPath() {
        // the point of this class: a provider would be found and bootstrapped by Spring Boot in every start again
        assertThatThrownBy(() -> Class.forName("org.hibernate.validator.HibernateValidator"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(Thread.currentThread().getContextClassLoader()
                .getResource("META-INF/services/jakarta.validation.spi.ValidationProvider")).isNull();
    }
}
