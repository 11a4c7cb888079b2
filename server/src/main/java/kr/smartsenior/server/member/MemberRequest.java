package kr.smartsenior.server.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import kr.smartsenior.server.web.PlainText;
import kr.smartsenior.server.web.ProtocolId;

/**
 * {@code POST /api/members} and {@code PUT /api/members/{id}}: the whole registration. Names are
 * trimmed, otherwise stored as given. Height and weight are optional, in the catalogue's plausible
 * ranges ({@code HEIGHT} 100-220 cm, {@code WEIGHT} 25-200 kg); consent is optional. {@code contacts}
 * is optional: left out (null), the contacts on record stay as they are; given, it replaces them
 * (an empty field clears that contact).
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
        @Valid ConsentRequest consent,
        @Valid ContactsRequest contacts) {

    MemberRequest {
        displayName = displayName == null ? null : displayName.strip();
    }

    /** A registration that leaves the contacts on record as they are. */
    MemberRequest(String siteId, String displayName, Integer birthYear, String sex, BigDecimal heightCm,
            BigDecimal weightKg, ConsentRequest consent) {
        this(siteId, displayName, birthYear, sex, heightCm, weightKg, consent, null);
    }

    /**
     * The senior's phone and a guardian's (V40), each optional: phones are Korean numbers
     * ({@link PhoneNumbers}), stored in hyphenated form; names plain text. Blank reads as none.
     * Personal data: {@link #toString()} never shows it.
     */
    record ContactsRequest(
            @KoreanPhone String phone,
            @Size(max = 50, message = "must be at most 50 characters")
            @Pattern(regexp = OPTIONAL_PLAIN, message = "must not contain control characters or line breaks")
            String guardianName,
            @KoreanPhone String guardianPhone,
            @Size(max = 20, message = "must be at most 20 characters")
            @Pattern(regexp = OPTIONAL_PLAIN, message = "must not contain control characters or line breaks")
            String guardianRelation) {

        /** No control characters, line breaks or bidi overrides (as {@code web.PlainText}), empty allowed. */
        static final String OPTIONAL_PLAIN = "[^\\p{Cntrl}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]*";

        ContactsRequest {
            phone = blankToNull(phone);
            guardianName = blankToNull(guardianName);
            guardianPhone = blankToNull(guardianPhone);
            guardianRelation = blankToNull(guardianRelation);
        }

        /** The contacts to store: phones in hyphenated form (call after validation). */
        Member.Contacts toContacts() {
            return new Member.Contacts(phone == null ? null : PhoneNumbers.normalize(phone).orElseThrow(),
                    guardianName, guardianPhone == null ? null : PhoneNumbers.normalize(guardianPhone).orElseThrow(),
                    guardianRelation);
        }

        @Override
        public String toString() {
            return "ContactsRequest[…]";
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
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
