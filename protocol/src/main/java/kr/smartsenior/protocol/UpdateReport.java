package kr.smartsenior.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A kiosk's progress with the update it was told of, published retained on its {@code update-status}
 * topic ({@link Channel#UPDATE_STATUS}) at every step; the retained message is the latest step, so a
 * server that was down reads it when it comes back. No personal data.
 *
 * @param campaignId     the campaign of the command
 * @param version        the version the command asked for
 * @param step           where the kiosk is
 * @param problem        why it ended FAILED or ROLLED_BACK; null otherwise
 * @param detail         a short sentence for the admin (the installer's last words); null if none
 * @param runningVersion the version the kiosk runs as it reports
 * @param at             when the kiosk wrote this
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateReport(long campaignId, String version, UpdateStep step, UpdateProblem problem, String detail,
        String runningVersion, OffsetDateTime at) {

    /** A detail is cut to this many characters. */
    public static final int MAX_DETAIL = 300;

    public UpdateReport {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
    }
}
