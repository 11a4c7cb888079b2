package kr.smartsenior.edge.ui;

import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.views.Screen.Line;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * The person in front of the kiosk, from the greeting to the goodbye: who they are and what they did
 * today. Dropped as a whole when the visit ends, so nothing of one person is left for the next. Touched
 * only on the controller's thread.
 */
final class Session {

    final String memberId;
    final String name;
    /** The tests of today's battery, in order. */
    final List<MeasurementCode> battery;
    /** Today's results, one line per test taken, for the summary. */
    final List<Line> results = new ArrayList<>();
    /** The test of the battery being taken (0-based). */
    int index;
    /**
     * The member said today, on this visit or an earlier one, they are unwell: no test, no exercise
     * until tomorrow.
     */
    boolean unwellToday;
    /** Today's safety answers, set before the battery starts. */
    FitnessTests.Safety safety = FitnessTests.Safety.clear();

    Session(String memberId, String name, List<MeasurementCode> battery) {
        this.memberId = memberId;
        this.name = name;
        this.battery = List.copyOf(battery);
    }

    MeasurementCode test() {
        return battery.get(index);
    }
}
