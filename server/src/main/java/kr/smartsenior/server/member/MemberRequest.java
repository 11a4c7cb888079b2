package kr.smartsenior.server.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import kr.smartsenior.server.web.PlainText;
import kr.smartsenior.server.web.ProtocolId;

/**
 * {@code POST /api/members} and {@code PUT /api/members/{id}}: the whole registration. Names are
 * trimmed, otherwise stored as given. Height and weight are optional, in the catalogue's plausible
 * ranges ({@code HEIGHT} 100-220 cm, {@code WEIGHT} 25-200 kg); consent is optional.
 */
record MemberRequest(
        @ProtocolId String siteId,
        @PlainText(max = 50) String displayName,
        @BirthYear Integer birthYear,
        @NotNull(message = "must be F or M") @Pattern(regexp = "[FM]", message = "must be F or M") String sex,
        @DecimalMin(value = "100", message = "must be 100 to 220 (cm)")
        @DecimalMax(value = "220", message = "must be 100 to 220 (cm)")
        @Digits(integer = 3, fraction = 1, message = "at most one decimal") BigDecimal heightCm,
        @DecimalMin(value = "25", message = "must be 25 to 200 (kg)")
        @DecimalMax(value = "200", message = "must be 25 to 200 (kg)")
        @Digits(integer = 3, fraction = 1, message = "at most one decimal") BigDecimal weightKg,
        @Valid ConsentRequest consent) {

    MemberRequest {
        displayName = displayName == null ? null : displayName.strip();
    }

    /**
     * @param date the day consent was given; not in the future
     * @param by   who gave it (the senior, a guardian), as plain text
     */
    record ConsentRequest(
            @NotNull(message = "must be a date (YYYY-MM-DD)") @PastOrPresent(message = "must not be in the future")
            LocalDate date,
            @PlainText(max = 50) String by) {

        ConsentRequest {
            by = by == null ? null : by.strip();
        }
    }
}
