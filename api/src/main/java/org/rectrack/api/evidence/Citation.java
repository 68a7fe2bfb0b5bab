package org.rectrack.api.evidence;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.platform.validation.PlainText;

/**
 * Where the evidence is written: a title, and a URL or a reference to a document that has none. One shape wherever
 * evidence is cited: as an NGO submits it, as the evidence-service answers it, and in the gateway's status answers
 * and compliance reports.
 */
@Schema(description = "The source citation; url or documentReference (or both) is required")
@Citation.UrlOrReference
public record Citation(
        @Schema(example = "Vientiane Times") @NotBlank @Size(max = 500) @PlainText String title,
        @Schema(example = "Lao National Committee on Anti-Human Trafficking") @Size(max = 200) @PlainText String publisher,
        @Schema(example = "https://www.vientianetimes.org.la/")
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url,
        @Schema(example = "Ministry of Public Security, Notice 123/MPS, 2023")
        @Size(max = 500) @PlainText String documentReference,
        @Schema(example = "2023-03-02") LocalDate publishedOn,
        @Schema(description = "the passage that shows the action, in its original language")
        @Size(max = 5000) @PlainText String quote) {

    /** A citation must lead somewhere: a URL, or a reference to a document that has none. */
    @Documented
    @Constraint(validatedBy = UrlOrReference.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    public @interface UrlOrReference {

        String message() default "a URL or a documentReference is required";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<UrlOrReference, Citation> {
            @Override
            public boolean isValid(Citation citation, ConstraintValidatorContext context) {
                if (citation == null || !isBlank(citation.url()) || !isBlank(citation.documentReference())) {
                    return true;
                }
                // Named after the field a client fills in, not after the record as a whole.
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("url")
                        .addConstraintViolation();
                return false;
            }

            private static boolean isBlank(String value) {
                return value == null || value.isBlank();
            }
        }
    }
}
