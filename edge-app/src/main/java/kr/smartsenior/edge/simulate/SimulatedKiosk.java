package kr.smartsenior.edge.simulate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.edge.ui.KioskUi;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RestrictionCode;

/**
 * Everything the screens need, simulated: test cards, presence, pads, the fitness tests, the exercise
 * programs and canned example prescriptions (marked "연습용 예시 데이터" on the idle and greeting screens),
 * plus the keyboard that stands in for them on a desktop. The kiosk's {@code --simulate} runs
 * {@link SimulatedSensorKiosk} on the real roster instead; this one serves screen tests and the UI benchmark.
 *
 * <p>Keys: {@code 1 2 3} show a member's test card, {@code u} an unknown card, {@code r} a revoked
 * one, {@code x} a foreign QR code; {@code p} someone stands in front, {@code l} leaves; {@code a s d f}
 * press pads 1 to 4; {@code e} makes the next test's sensor fail, {@code i} its attempt invalid;
 * {@code o} makes the next exercise session step off the mat once.
 */
public final class SimulatedKiosk implements AutoCloseable {

    /** Member ids used when none are given (SSC_SIM_MEMBERS). */
    public static final List<String> DEFAULT_MEMBER_IDS = List.of("M7K2Q9XD4T", "M3H8P2WQ6N", "M5R1C8ZL2B");
    static final List<String> NAMES = List.of("김순자", "박영수", "이옥분");
    public static final String HELP =
            "시뮬레이션 ·  1 2 3: 카드   U: 모르는 카드   P: 사람이 옴   A S D F: 발판   E: 센서 고장   Ctrl+Q: 끝";

    private final SimulatedCards cards;
    private final SimulatedPresence presence = new SimulatedPresence();
    private final SimulatedPads pads = new SimulatedPads();
    private final SimulatedFitnessTests tests;
    private final SimulatedMembers members;
    private final SimulatedExercisePrograms exercises;

    private SimulatedKiosk(SimulatedCards cards, SimulatedFitnessTests tests, SimulatedMembers members,
            SimulatedExercisePrograms exercises) {
        this.cards = cards;
        this.tests = tests;
        this.members = members;
        this.exercises = exercises;
    }

    /**
     * @param memberIds the members with test cards (the first three get names and keys 1 to 3); empty
     *                  for the default demo members
     * @param second    how long a simulated second lasts in the tests' countdown and progress
     */
    public static SimulatedKiosk create(List<String> memberIds, Duration second) {
        List<String> ids = memberIds.isEmpty() ? DEFAULT_MEMBER_IDS : memberIds;
        List<SimulatedCards.Member> withCards = new ArrayList<>();
        for (int i = 0; i < Math.min(ids.size(), NAMES.size()); i++) {
            withCards.add(new SimulatedCards.Member(ids.get(i), NAMES.get(i)));
        }
        return new SimulatedKiosk(new SimulatedCards(withCards), new SimulatedFitnessTests(second),
                new SimulatedMembers(prescriptions(ids)), new SimulatedExercisePrograms(second));
    }

    /**
     * Prescriptions as the roster carries them (docs/protocol.md): the first member may do all three
     * programs, the third balance only and with support (a fall-risk restriction), the second has none yet.
     */
    static Map<String, KioskPrescription> prescriptions(List<String> ids) {
        Map<String, KioskPrescription> prescriptions = new LinkedHashMap<>();
        prescriptions.put(ids.getFirst(), prescription(
                List.of("빠르게 걷기, 의자 앉았다 일어서기를 하루 30분, 일주일에 5번 해요.", "스텝 & 점프 2단계를 10분, 일주일에 3번 해요.",
                        "밸런스 2단계를 10분, 일주일에 3번 해요.", "고강도 인터벌 1단계를 10분, 일주일에 2번 해요."),
                List.of(program(MeasurementCode.STEP_JUMP, 2, 10, 3), program(MeasurementCode.BALANCE, 2, 10, 3),
                        program(MeasurementCode.INTERVAL, 1, 10, 2)),
                List.of()));
        if (ids.size() > 2) {
            prescriptions.put(ids.get(2), prescription(
                    List.of("운동할 때는 의자나 손잡이를 잡고 하세요.", "밸런스 1단계를 10분, 일주일에 3번 해요."),
                    List.of(program(MeasurementCode.BALANCE, 1, 10, 3)),
                    List.of(new KioskPrescription.Restriction(RestrictionCode.FALL_SUPPORT,
                            "운동할 때는 의자나 손잡이를 잡고 하세요."))));
        }
        return prescriptions;
    }

    private static KioskPrescription prescription(List<String> lines, List<KioskPrescription.Program> programs,
            List<KioskPrescription.Restriction> restrictions) {
        return new KioskPrescription(1, OffsetDateTime.parse("2026-11-21T01:00:00Z"), lines, programs, restrictions);
    }

    private static KioskPrescription.Program program(MeasurementCode code, int level, int minutes, int perWeek) {
        return new KioskPrescription.Program(code, code.koreanName(), level, minutes, perWeek);
    }

    public KioskUi.Ports ports() {
        // always the canned examples: said on the idle and greeting screens
        return new KioskUi.Ports(cards, presence, pads, tests, members, exercises).withNotice(SimulatedRoster.EXAMPLE_DATA);
    }

    public KioskUi.Keyboard keyboard() {
        return new KioskUi.Keyboard(HELP, this::keyTyped);
    }

    /** What a typed key stands for. */
    void keyTyped(String key) {
        switch (key.toLowerCase(java.util.Locale.ROOT)) {
            case "1" -> cards.show(1);
            case "2" -> cards.show(2);
            case "3" -> cards.show(3);
            case "u" -> cards.showUnknown();
            case "r" -> cards.showRevoked();
            case "x" -> cards.showForeign();
            case "p" -> presence.arrive();
            case "l" -> presence.leave();
            case "a" -> pads.press(1);
            case "s" -> pads.press(2);
            case "d" -> pads.press(3);
            case "f" -> pads.press(4);
            case "e" -> tests.failNext();
            case "i" -> tests.invalidNext();
            case "o" -> exercises.stepOffNext();
            default -> { }
        }
    }

    public SimulatedCards cards() {
        return cards;
    }

    public SimulatedPresence presence() {
        return presence;
    }

    public SimulatedPads pads() {
        return pads;
    }

    public SimulatedFitnessTests tests() {
        return tests;
    }

    public SimulatedExercisePrograms exercises() {
        return exercises;
    }

    @Override
    public void close() {
        tests.close();
        exercises.close();
    }
}
