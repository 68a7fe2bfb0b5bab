package org.rectrack.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A well-formed BCP 47 language tag with a language, such as {@code lo}, {@code en} or {@code en-GB}. */
@Documented
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as lo, en or en-GB";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {

        /** The tag in its canonical case ({@code EN-gb} → {@code en-GB}); empty if it is no language tag. */
        public static String canonical(String tag) {
            if (tag == null || tag.isBlank()) {
                return "";
            }
            try {
                // Strict parsing; forLanguageTag alone turns anything ill-formed into "und" silently.
                Locale locale = new Locale.Builder().setLanguageTag(tag).build();
                String canonical = locale.toLanguageTag();
                // A tag Java would rewrite (grandfathered, private use only) is not one it can keep as given.
                boolean roundTrips = canonical.equalsIgnoreCase(tag) && Locale.forLanguageTag(canonical).equals(locale);
                int languageLength = locale.getLanguage().length();
                return roundTrips && languageLength >= 2 && languageLength <= 3 ? canonical : "";
            } catch (IllformedLocaleException e) {
                return "";
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // Blank is for @NotBlank to name.
            return value == null || value.isBlank() || !canonical(value).isEmpty();
        }
    }
}
