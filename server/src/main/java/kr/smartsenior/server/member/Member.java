package kr.smartsenior.server.member;

import java.math.BigDecimal;

/**
 * A registered senior. {@code displayName} is personal data: never log it.
 *
 * @param heightCm    optional, in cm
 * @param weightKg    optional, in kg
 * @param consent     consent to the processing of their data, or null while not given
 * @param cardVersion the version of the member's current card; older cards are revoked
 * @param contacts    the senior's phone and a guardian's contact (personal data), never null
 */
record Member(String id, String siteId, String displayName, int birthYear, String sex, BigDecimal heightCm,
        BigDecimal weightKg, Consent consent, int cardVersion, Contacts contacts) {

    Member {
        contacts = contacts == null ? Contacts.NONE : contacts;
    }

    /** A member without contacts on record. */
    Member(String id, String siteId, String displayName, int birthYear, String sex, BigDecimal heightCm,
            BigDecimal weightKg, Consent consent, int cardVersion) {
        this(id, siteId, displayName, birthYear, sex, heightCm, weightKg, consent, cardVersion, Contacts.NONE);
    }

    /**
     * Whom to call when a senior stops coming (V40): their own phone and a guardian's, each optional,
     * numbers in hyphenated form. Personal data: {@link #toString()} never shows it, never log it.
     *
     * @param guardianRelation how the guardian is related (딸, 아들, 배우자, …)
     */
    record Contacts(String phone, String guardianName, String guardianPhone, String guardianRelation) {

        static final Contacts NONE = new Contacts(null, null, null, null);

        /** Whether any contact is on record. */
        boolean any() {
            return phone != null || guardianName != null || guardianPhone != null || guardianRelation != null;
        }

        @Override
        public String toString() {
            return "Contacts[" + (any() ? "on record" : "none") + "]";
        }
    }

    /**
     * @param date       the day the consent was given (ISO date)
     * @param by         who gave it, as written on the form (e.g. "본인", "보호자")
     * @param recordedBy the staff account that entered it
     */
    record Consent(String date, String by, String recordedBy) {
    }
}
