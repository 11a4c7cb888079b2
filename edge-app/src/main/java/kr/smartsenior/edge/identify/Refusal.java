package kr.smartsenior.edge.identify;

/**
 * Why a scanned card was not accepted, each with the short, kind sentence the senior hears and reads
 * (Korean first), and a plain code for logs.
 */
public enum Refusal {
    /** A QR code that is not one of our cards: a web address, a payment code, another card. */
    NOT_OUR_CARD("경로당 회원 카드가 아닙니다. 회원 카드를 보여 주세요."),
    /** Our format, but this member is not on the roster of this site. */
    UNKNOWN_CARD("등록되지 않은 카드입니다. 직원에게 문의해 주세요."),
    /** An older card of a member who has been given a new one (lost, replaced). */
    REVOKED_CARD("지금은 쓰지 않는 카드입니다. 새 카드를 직원에게 받아 주세요."),
    /** A card newer than the kiosk's roster: reissued while the kiosk was offline. */
    CARD_NOT_YET_KNOWN("새 카드가 아직 이 기계에 등록되지 않았습니다. 잠시 후 다시 보여 주세요."),
    /** Our format, the right member and version, but not the token the server issued (altered, forged, damaged). */
    FORGED_CARD("카드를 확인할 수 없습니다. 직원에게 문의해 주세요."),
    /** The kiosk has never received a roster (new and not yet connected): it cannot check any card. */
    NO_ROSTER("아직 회원 명단을 받지 못했습니다. 잠시 후 다시 해 주세요.");

    private final String message;

    Refusal(String message) {
        this.message = message;
    }

    /** What the senior is told, in Korean. */
    public String message() {
        return message;
    }
}
