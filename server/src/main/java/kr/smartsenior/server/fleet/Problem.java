package kr.smartsenior.server.fleet;

import java.time.Instant;

/**
 * Something wrong with a kiosk.
 *
 * @param code     what kind of problem (see {@link FleetHealth})
 * @param severity {@code alert}: someone should act now; {@code notice}: worth a look
 * @param since    since when, by the server's clock
 * @param detail   a sentence for the admin
 */
record Problem(String code, String severity, Instant since, String detail) {

    static final String ALERT = "alert";
    static final String NOTICE = "notice";

    static Problem alert(String code, Instant since, String detail) {
        return new Problem(code, ALERT, since, detail);
    }

    static Problem notice(String code, Instant since, String detail) {
        return new Problem(code, NOTICE, since, detail);
    }
}
