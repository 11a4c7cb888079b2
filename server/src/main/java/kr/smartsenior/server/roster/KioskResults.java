package kr.smartsenior.server.roster;

import java.time.ZoneId;
import kr.smartsenior.protocol.MemberResults;

/**
 * What the kiosk shows of a member's tests, supplied by the fitness feature and carried in the member's
 * roster entry: the cut-offs the server grades each test by this year (so the result screen gives the
 * server's band) and the latest results with their bands and trend ("내 기록"). The roster works
 * without it ({@link MemberResults#NONE}: no band, only today's results).
 */
public interface KioskResults {

    /**
     * The kiosks' calendar: the server grades by age in whole years (the result's year minus the birth
     * year), so the cut-offs are for one year in this zone, and a new year needs a new roster.
     */
    ZoneId KIOSK_ZONE = ZoneId.of("Asia/Seoul");

    /** This member's cut-offs and latest results as the kiosk takes them, or {@link MemberResults#NONE}. */
    MemberResults forKiosk(String memberId);
}
