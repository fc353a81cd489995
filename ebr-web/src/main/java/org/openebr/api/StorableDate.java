package org.openebr.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;

/**
 * A date or instant in a request body that the database can store and a person can mean: the
 * years 1 to 9999 (see {@link StorableInstants}). Null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = StorableDate.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableDate {

    String message() default "must lie between the years 1 and 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Instants and local dates. */
    class Check implements ConstraintValidator<StorableDate, Temporal> {

        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            if (value instanceof Instant instant) {
                return StorableInstants.storable(instant);
            }
            if (value instanceof LocalDate date) {
                return date.getYear() >= 1 && date.getYear() <= 9999;
            }
            return true;
        }
    }
}
