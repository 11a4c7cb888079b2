package kr.smartsenior.server.member;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Year;

/** A year of birth from 1900 to this year. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BirthYear.Validator.class)
@interface BirthYear {

    int EARLIEST = 1900;

    String message() default "must be a year from 1900 to this year";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<BirthYear, Integer> {
        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            int now = Year.now().getValue();
            if (value != null && value >= EARLIEST && value <= now) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be a year from " + EARLIEST + " to " + now)
                    .addConstraintViolation();
            return false;
        }
    }
}
