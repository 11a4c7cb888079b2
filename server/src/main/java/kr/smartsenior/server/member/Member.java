package kr.smartsenior.server.member;

import java.math.BigDecimal;

/**
 * A registered senior. {@code displayName} is personal data: never log it.
 *
 * @param heightCm    optional, in cm
 * @param weightKg    optional, in kg
 * @param consent     consent to the processing of their data, or null while not given
 * @param cardVersion the version of the member's current card; older cards are revoked
 */
record Member(String id, String siteId, String displayName, int birthYear, String sex, BigDecimal heightCm,
        BigDecimal weightKg, Consent consent, int cardVersion) {

    /**
     * @param date       the day the consent was given (ISO date)
     * @param by         who gave it, as written on the form (e.g. "본인", "보호자")
     * @param recordedBy the staff account that entered it
     */
    record Consent(String date, String by, String recordedBy) {
    }
}
