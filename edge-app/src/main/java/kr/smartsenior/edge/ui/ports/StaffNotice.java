package kr.smartsenior.edge.ui.ports;

import java.util.Optional;

/**
 * A short, calm line for staff on the screens between visits: a device out of order on the idle
 * screen ("기기 점검 중: 발판"), or, in the simulation without a roster, that the names and
 * prescriptions are examples ("연습용 예시 데이터") on the idle and greeting screens. Read each time
 * such a screen is shown (and while the idle screen stays), so a device that comes back clears it.
 * Must not block.
 */
public interface StaffNotice {

    /** Nothing to tell staff. */
    StaffNotice NONE = new StaffNotice() {
        @Override
        public Optional<String> idle() {
            return Optional.empty();
        }
    };

    /** The line for the idle screen now, if any. */
    Optional<String> idle();

    /** The line for the greeting now, if any (only for what concerns the person greeted, e.g. example data). */
    default Optional<String> greeting() {
        return Optional.empty();
    }
}
