package kr.smartsenior.server.prescription;

import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.fitness.FitnessComponent;

/** The kiosk's exercise programs, their minutes and sessions per week at each level. */
enum KioskProgram {
    STEP_JUMP("스텝 & 점프", FitnessComponent.ENDURANCE, new int[] {10, 15, 20, 25, 30}, 3),
    BALANCE("밸런스", FitnessComponent.BALANCE_AGILITY, new int[] {10, 10, 15, 15, 20}, 3),
    INTERVAL("고강도 인터벌", FitnessComponent.ENDURANCE, new int[] {10, 12, 15, 18, 20}, 2);

    private final String korean;
    private final FitnessComponent component;
    private final int[] minutes;
    private final int perWeek;

    KioskProgram(String korean, FitnessComponent component, int[] minutes, int perWeek) {
        this.korean = korean;
        this.component = component;
        this.minutes = minutes;
        this.perWeek = perWeek;
    }

    /** The catalogue code its sessions are recorded under and the roster names it by. */
    MeasurementCode code() {
        return MeasurementCode.valueOf(name());
    }

    String korean() {
        return korean;
    }

    /** The component whose tests must agree before the level goes up. */
    FitnessComponent component() {
        return component;
    }

    int minutes(int level) {
        return minutes[level - 1];
    }

    int perWeek() {
        return perWeek;
    }
}
