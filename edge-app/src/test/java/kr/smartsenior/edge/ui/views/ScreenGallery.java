package kr.smartsenior.edge.ui.views;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.Stage;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;
import kr.smartsenior.edge.ui.ports.FitnessTests.Step;
import kr.smartsenior.edge.ui.views.Screen.Line;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;

/** One example of every screen (and of its variants), as a senior would meet it. */
final class ScreenGallery {

    /**
     * A named example: the screen, its live values, whether the voice works, the simulation help line,
     * whether 검증 측정 is on.
     */
    record Example(String name, Screen screen, Live live, boolean voiceWorking, Optional<String> help,
            ExerciseLive exercise, boolean validation) {
        Example(String name, Screen screen, Live live, boolean voiceWorking, Optional<String> help, ExerciseLive exercise) {
            this(name, screen, live, voiceWorking, help, exercise, false);
        }

        Example(String name, Screen screen) {
            this(name, screen, Live.NONE, true, Optional.empty(), ExerciseLive.NONE);
        }

        /** The same example with 검증 측정 on. */
        Example validating() {
            return new Example(name, screen, live, voiceWorking, help, exercise, true);
        }

        Example(String name, Screen screen, Live live) {
            this(name, screen, live, true, Optional.empty(), ExerciseLive.NONE);
        }

        Example(String name, Screen screen, Live live, boolean voiceWorking, Optional<String> help) {
            this(name, screen, live, voiceWorking, help, ExerciseLive.NONE);
        }

        Example(String name, Screen screen, ExerciseLive exercise) {
            this(name, screen, Live.NONE, true, Optional.empty(), exercise);
        }
    }

    static final String NAME = "김순자";

    private ScreenGallery() {
    }

    static List<Example> all() {
        MeasurementCode chair = MeasurementCode.CHAIR_STAND_30S;
        List<Line> results = List.of(new Line("30초 의자에 앉았다 일어서기", "14번 · 보통이에요"), new Line("2분 제자리 걷기", "98회 · 좋아요"),
                new Line("3m 표적 돌아오기", "8.4초 · 보통이에요"), new Line("한 발로 서기", "12.5초"));
        List<Line> prescription = List.of(new Line("운동", "걷기, 의자 앉았다 일어서기"), new Line("시간", "하루 30분"),
                new Line("횟수", "일주일에 5번"), new Line("강도", "약간 숨이 찰 정도"));
        java.util.function.Function<Boolean, Screen.Summary> everyRestriction = after -> new Screen.Summary(NAME,
                after ? results : ScreenWording.todaysResults(List.of()),
                ScreenWording.prescription(prescription("every-restriction")), after);
        List<Example> worst = worstCase();
        return List.of(
                new Example("01-idle", new Screen.Idle(false)),
                new Example("02-idle-awake", new Screen.Idle(true)),
                new Example("03-greeting", new Screen.Greeting(NAME)),
                new Example("04-home", new Screen.Home(NAME)),
                new Example("05-test-instructions", new Screen.TestStep(1, 4, chair, Step.INSTRUCTIONS)),
                new Example("06-test-practice", new Screen.TestStep(1, 4, chair, Step.PRACTICE)),
                new Example("07-countdown", new Screen.Countdown(1, 4, chair), new Live("3", "", -1)),
                new Example("08-measuring-count", new Screen.Measuring(1, 4, chair), new Live("9", "남은 시간 12초", 0.6)),
                new Example("09-result", new Screen.Result(1, 4, chair, "14번", "30초 동안 14번 일어나셨어요.", Grade.FAIR, false)),
                new Example("10-test-instructions-walk",
                        new Screen.TestStep(3, 4, MeasurementCode.TIMED_UP_AND_GO, Step.INSTRUCTIONS)),
                new Example("11-measuring-timer", new Screen.Measuring(3, 4, MeasurementCode.TIMED_UP_AND_GO),
                        new Live("5.2", "걸린 시간 5초", -1)),
                new Example("12-test-safety", new Screen.TestStep(4, 4, MeasurementCode.ONE_LEG_STANCE, Step.SAFETY_CHECK)),
                new Example("13-result-good", new Screen.Result(4, 4, MeasurementCode.ONE_LEG_STANCE, "21.3초",
                        "한 발로 21.3초 동안 서 계셨어요.", Grade.GOOD, true)),
                new Example("14-retry", new Screen.Retry(2, 4, MeasurementCode.STEP_IN_PLACE_2MIN, "발판에서 발이 떨어져서 다시 재야 해요.")),
                new Example("15-summary", new Screen.Summary(NAME, results, prescription, true)),
                new Example("16-records-no-prescription", new Screen.Summary("박영수", List.of(new Line("오늘", "아직 측정하지 않았어요")),
                        List.of(new Line("운동 처방", "처방 준비 중")), false)),
                new Example("17-exercise-none", new Screen.ExerciseNone()),
                new Example("17b-exercise-none-mat-out", new Screen.ExerciseNone(true)),
                new Example("18-still-there", new Screen.StillThere()),
                new Example("19-goodbye", new Screen.Goodbye(NAME)),
                new Example("20-card-unknown", new Screen.Problem(Screen.Problem.Kind.CARD, Prompt.CARD_UNKNOWN.text())),
                new Example("21-sensor-failure", new Screen.Problem(Screen.Problem.Kind.SENSOR,
                        "발판 센서의 연결이 끊어졌어요. 담당 선생님께 알려 주세요.")),
                new Example("22-unexpected", new Screen.Problem(Screen.Problem.Kind.UNEXPECTED, Prompt.UNEXPECTED.text())),
                new Example("23-home-voice-off-simulation", new Screen.Home(NAME), Live.NONE, false,
                        Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)),
                new Example("24-exercise-choice", new Screen.ExerciseChoice(List.of(STEP_JUMP, BALANCE, INTERVAL))),
                new Example("25-step-jump-briefing", new Screen.ExerciseBriefing(STEP_JUMP)),
                new Example("26-step-jump-warm-up", new Screen.ExercisePlay(STEP_JUMP, Stage.WARM_UP),
                        new ExerciseLive(Set.of(), MatView.Sign.STEP, "", "", false, "", "남은 시간 42초", -1)),
                new Example("27-step-jump-step", new Screen.ExercisePlay(STEP_JUMP, Stage.PLAY),
                        new ExerciseLive(Set.of(2), MatView.Sign.STEP, "2번 발판을 밟으세요", "좋아요!", true, "성공 12  ·  놓침 3",
                                "남은 시간 6분 12초", -1)),
                new Example("28-step-jump-stay", new Screen.ExercisePlay(STEP_JUMP, Stage.PLAY),
                        new ExerciseLive(Set.of(4), MatView.Sign.STAY, "가만히 계세요", "놓쳤어요", false, "성공 12  ·  놓침 4",
                                "남은 시간 6분 8초", -1)),
                new Example("29-step-jump-jump", new Screen.ExercisePlay(STEP_JUMP, Stage.PLAY),
                        new ExerciseLive(Set.of(1, 2), MatView.Sign.JUMP, "두 발로 점프!", "좋아요!", true, "성공 13  ·  놓침 4",
                                "남은 시간 6분 5초", -1)),
                new Example("30-balance-briefing", new Screen.ExerciseBriefing(BALANCE_SUPPORTED)),
                new Example("31-balance-one-leg", new Screen.ExercisePlay(BALANCE_SUPPORTED, Stage.PLAY),
                        new ExerciseLive(Set.of(1), MatView.Sign.STAND, Prompt.TASK_LEFT_LEG.text(), "좋아요!", true,
                                "성공 5  ·  놓침 1", "남은 시간 5분 40초", 0.6)),
                new Example("32-interval-briefing", new Screen.ExerciseBriefing(INTERVAL)),
                new Example("33-interval-work", new Screen.ExercisePlay(INTERVAL, Stage.PLAY),
                        new ExerciseLive(Set.of(1), MatView.Sign.STEP, "빠르게 제자리 걷기!", "좋아요!", true,
                                "라운드 2 / 3  ·  분당 96걸음", "남은 시간 14초", -1)),
                new Example("34-interval-rest", new Screen.ExercisePlay(INTERVAL, Stage.REST),
                        new ExerciseLive(Set.of(), MatView.Sign.STEP, "", "", false, "라운드 2 / 3", "남은 시간 48초", -1)),
                new Example("35-exercise-paused", new Screen.ExercisePaused(STEP_JUMP)),
                new Example("35b-exercise-paused-feet-back", new Screen.ExercisePaused(STEP_JUMP, true)),
                new Example("36-exercise-stop-ask", new Screen.ExerciseStopAsk(INTERVAL)),
                new Example("37-exercise-symptom", new Screen.ExerciseSymptom(INTERVAL)),
                new Example("38-exercise-result", new Screen.ExerciseResult(STEP_JUMP, SUMMARY, KioskControllerLines.of(SUMMARY))),
                new Example("39-exercise-result-stepped-off", new Screen.ExerciseResult(BALANCE, STOPPED,
                        KioskControllerLines.of(STOPPED))),
                new Example("40-safety-ask", new Screen.SafetyAsk()),
                new Example("41-rest-today", new Screen.RestToday()),
                new Example("42-rest-today-unwell", new Screen.RestToday(true)),
                new Example("43-home-exercise-rests", new Screen.Home(NAME, true)),
                new Example("44-exercise-rest-today", new Screen.ExerciseRestToday()),
                new Example("45-effort-ask", new Screen.EffortAsk(STEP_JUMP, SUMMARY)),
                new Example("46-effort-ask-stopped", new Screen.EffortAsk(BALANCE, STOPPED)),
                new Example("47-staff-menu", new Screen.StaffMenu(false)),
                new Example("48-staff-menu-validation-on", new Screen.StaffMenu(true)),
                new Example("49-validation-instructions", new Screen.TestStep(1, 4, chair, Step.INSTRUCTIONS)).validating(),
                new Example("50-validation-measuring", new Screen.Measuring(3, 4, MeasurementCode.TIMED_UP_AND_GO),
                        new Live("5.2", "걸린 시간 5초", -1)).validating(),
                new Example("51-hand-reference-count", new Screen.HandReference(1, 4, chair, "14번", "15", "")).validating(),
                new Example("52-hand-reference-seconds-problem", new Screen.HandReference(4, 4, MeasurementCode.ONE_LEG_STANCE,
                        "179.9초", "180.25", "0부터 180까지의 초를 넣어 주세요.")).validating(),
                new Example("53-result-validation", new Screen.Result(2, 4, MeasurementCode.STEP_IN_PLACE_2MIN, "250번",
                        "2분 동안 250번 무릎을 올리셨어요.", Grade.GOOD, false)).validating(),
                new Example("54-home-exercise-rests-long-name", new Screen.Home("남궁옥분순자", true)),
                new Example("55-home-exercise-rests-voice-off-simulation", new Screen.Home(NAME, true), Live.NONE, false,
                        Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)),
                new Example("56-hand-reference-voice-off", new Screen.HandReference(3, 4, MeasurementCode.TIMED_UP_AND_GO,
                        "12.4초", "", ""), Live.NONE, false, Optional.empty()).validating(),
                new Example("57-one-leg-hands-free-ask", new Screen.OneLegHandsAsk(4, 4)),
                new Example("58-result-one-leg-held-chair", new Screen.Result(4, 4, MeasurementCode.ONE_LEG_STANCE,
                        "의자 잡고 12.3초", "의자를 잡고 한 발로 가장 오래 서 계신 기록은 12.3초예요.", Grade.UNRATED, true)),
                new Example("59-test-instructions-one-leg-chair", new Screen.TestStep(4, 4, MeasurementCode.ONE_LEG_STANCE,
                        Step.INSTRUCTIONS, true)),
                new Example("60-summary-every-restriction", everyRestriction.apply(true)),
                new Example("61-summary-every-restriction-page-2", everyRestriction.apply(true).turned(1)),
                new Example("62-records-every-restriction-last-page", everyRestriction.apply(false).turned(9)),
                new Example("63-exercise-choice-every-restriction", new Screen.ExerciseChoice(offers(prescription("every-restriction")))),
                named("64-summary-longest-page-2", worst.get(0), 1),
                named("65-exercise-result-longest", worst.get(3), 0),
                new Example("66-result-below", new Screen.Result(1, 4, chair, "8번", "30초 동안 8번 일어나셨어요.", Grade.LOW, false)),
                new Example("67-result-no-band", new Screen.Result(1, 4, chair, "14번", "30초 동안 14번 일어나셨어요.",
                        Grade.UNRATED, false)),
                named("68-records-history", new Example("records", new Screen.Summary(NAME, ScreenWording.todaysResults(List.of()),
                        prescription, false, 0, ScreenWording.history(realisticHistory()))), 1));
    }

    /** An example under another name, on the given page when its screen has pages. */
    private static Example named(String name, Example example, int page) {
        Screen screen = example.screen() instanceof Screen.Paged paged ? paged.turned(page) : example.screen();
        return new Example(name, screen, example.live(), example.voiceWorking(), example.help(), example.exercise(),
                example.validation());
    }

    /** The programs a prescription offers, as the kiosk's exercise adapter makes them. */
    static List<ExercisePrograms.Offer> offers(kr.smartsenior.protocol.KioskPrescription prescription) {
        return kr.smartsenior.edge.exercise.ExercisePlan.from(prescription).offers().stream()
                .map(o -> new ExercisePrograms.Offer(o.program().code(), o.level(), o.minutes(), o.holdOn())).toList();
    }

    /** The kind of contract example the server's prescriptions are kept as. */
    static final String PRESCRIPTIONS = "prescriptions";

    /**
     * The server's real prescriptions (the contract's golden examples, decoded as the kiosk decodes a
     * roster) on the screens that show them: the summary after the battery, 내 기록, and the choice of
     * programs they offer.
     */
    static List<Example> golden() {
        List<Example> examples = new java.util.ArrayList<>();
        for (String name : kr.smartsenior.protocol.contract.ContractExamples.names(PRESCRIPTIONS)) {
            kr.smartsenior.protocol.KioskPrescription prescription = prescription(name);
            List<Line> lines = ScreenWording.prescription(prescription);
            examples.add(new Example("golden-summary-" + name, new Screen.Summary(NAME, worstResults(), lines, true)));
            examples.add(new Example("golden-records-" + name, new Screen.Summary(NAME,
                    ScreenWording.todaysResults(List.of()), lines, false)));
            List<ExercisePrograms.Offer> offers = offers(prescription);
            if (!offers.isEmpty()) {
                examples.add(new Example("golden-exercise-choice-" + name, new Screen.ExerciseChoice(offers)));
            }
        }
        return examples;
    }

    /**
     * The longest content a screen can be given: twelve prescription sentences as long as the server's
     * longest, every restriction at once, the longest name, three-digit results with the chair held.
     */
    static List<Example> worstCase() {
        String longest = "넘어질 위험이 있어 인터벌, 점프, 빠르게 걷기는 하지 않고, 의자를 잡고 하는 근력·균형 운동을 먼저 해요.";
        List<Line> twelve = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            twelve.add(new Line(i == 1 ? "운동 처방" : "", i + ". " + longest));
        }
        String name = "남궁옥분순자";
        ExercisePrograms.Summary all = new ExercisePrograms.Summary(MeasurementCode.STEP_JUMP,
                java.time.Duration.ofMinutes(59).plusSeconds(59), 999, 999, 100, 9999, 180, 1, 3, 999, "symptom");
        ExercisePrograms.Offer heldLevel3 = new ExercisePrograms.Offer(MeasurementCode.STEP_JUMP, 3, 30, true);
        return List.of(
                new Example("worst-summary", new Screen.Summary(name, worstResults(), twelve, true), Live.NONE, false,
                        Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)),
                new Example("worst-records", new Screen.Summary(name, worstResults(), twelve, false)),
                new Example("worst-records-history", new Screen.Summary(name, worstResults(), twelve, false, 0,
                        ScreenWording.history(worstHistory())), Live.NONE, false,
                        Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)),
                new Example("worst-result-below", new Screen.Result(2, 4, MeasurementCode.STEP_IN_PLACE_2MIN, "250회",
                        "2분 동안 오른쪽 무릎을 250회 올리셨어요.", Grade.LOW, false), Live.NONE, false,
                        Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)).validating(),
                new Example("worst-exercise-choice", new Screen.ExerciseChoice(List.of(heldLevel3,
                        new ExercisePrograms.Offer(MeasurementCode.BALANCE, 3, 30, true),
                        new ExercisePrograms.Offer(MeasurementCode.INTERVAL, 3, 30, true))), Live.NONE, false,
                        Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)),
                new Example("worst-exercise-result", new Screen.ExerciseResult(heldLevel3, all, ScreenWording.exerciseResult(all)),
                        Live.NONE, false, Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)),
                new Example("worst-briefing-held", new Screen.ExerciseBriefing(new ExercisePrograms.Offer(MeasurementCode.BALANCE,
                        3, 30, true)), Live.NONE, false, Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)),
                new Example("worst-interval-work", new Screen.ExercisePlay(new ExercisePrograms.Offer(MeasurementCode.INTERVAL, 3,
                        30, true), Stage.PLAY), Live.NONE, false, Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP),
                        new ExerciseLive(Set.of(1, 2), MatView.Sign.STEP, "빠르게 제자리 걷기!", "좋아요!", true,
                                "라운드 10 / 10  ·  분당 180걸음", "남은 시간 59분 59초", 0.5)),
                new Example("worst-result-held-chair", new Screen.Result(4, 4, MeasurementCode.ONE_LEG_STANCE, "의자 잡고 180.0초",
                        "의자를 잡고 한 발로 가장 오래 서 계신 기록은 180.0초예요.", Grade.UNRATED, true), Live.NONE, false,
                        Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)).validating(),
                new Example("worst-result-count", new Screen.Result(2, 4, MeasurementCode.STEP_IN_PLACE_2MIN, "250번",
                        "2분 동안 250번 무릎을 올리셨어요.", Grade.GOOD, false), Live.NONE, false,
                        Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)).validating(),
                new Example("worst-home-rests", new Screen.Home(name, true), Live.NONE, false,
                        Optional.of(kr.smartsenior.edge.simulate.SimulatedKiosk.HELP)),
                new Example("worst-greeting", new Screen.Greeting(name)),
                new Example("worst-goodbye", new Screen.Goodbye(name)));
    }

    /** The examples with every page of a screen in pages after its first ("-page-2", ...). */
    static List<Example> everyPage(List<Example> examples) {
        List<Example> all = new java.util.ArrayList<>();
        for (Example example : examples) {
            all.add(example);
            if (example.screen() instanceof Screen.Paged paged) {
                for (int page = 1; page < paged.pages(); page++) {
                    all.add(new Example(example.name() + "-page-" + (page + 1), paged.turned(page), example.live(),
                            example.voiceWorking(), example.help(), example.exercise(), example.validation()));
                }
            }
        }
        return all;
    }

    /** Four results as long as they come: the longest names, three digits, the chair held, a grade word. */
    static List<Line> worstResults() {
        return List.of(new Line("30초 의자에 앉았다 일어서기", "100번 · 좋아요"), new Line("2분 제자리 걷기", "250번 · 좋아요"),
                new Line("3m 표적 돌아오기", "100.0초 · 조금 더 힘내요"), new Line("한 발로 서기", "의자 잡고 180.0초"));
    }

    /** What 내 기록 shows of a member the server has graded a few times (decision 0027). */
    static kr.smartsenior.protocol.MemberResults realisticHistory() {
        return new kr.smartsenior.protocol.MemberResults(2026, List.of(), List.of(
                recent(MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s/2", kr.smartsenior.protocol.RecentResults.Trend.IMPROVED,
                        new String[] {"2026-06-03", "11", "BELOW"}, new String[] {"2026-09-01", "12", "WITHIN"},
                        new String[] {"2026-11-02", "15", "WITHIN"}),
                recent(MeasurementCode.TIMED_UP_AND_GO, "timed-up-and-go/2", kr.smartsenior.protocol.RecentResults.Trend.STEADY,
                        new String[] {"2026-09-01", "9.8", "WITHIN"}, new String[] {"2026-11-02", "9.5", "WITHIN"}),
                recent(MeasurementCode.ONE_LEG_STANCE, "one-leg-stance-supported/1",
                        kr.smartsenior.protocol.RecentResults.Trend.NOT_CALLED, new String[] {"2026-11-02", "12.3", null})));
    }

    /**
     * The most 내 기록 can be given: every test the server lists, five results each, the longest values
     * (three digits, the chair held), dates and band word, the longest trend sentence.
     */
    static kr.smartsenior.protocol.MemberResults worstHistory() {
        List<kr.smartsenior.protocol.RecentResults> all = new java.util.ArrayList<>();
        java.util.Map<MeasurementCode, String[]> tests = new java.util.LinkedHashMap<>();
        tests.put(MeasurementCode.CHAIR_STAND_30S, new String[] {"chair-stand-30s/2", "60"});
        tests.put(MeasurementCode.STEP_IN_PLACE_2MIN, new String[] {"step-in-place-2min/2", "250"});
        tests.put(MeasurementCode.TIMED_UP_AND_GO, new String[] {"timed-up-and-go/2", "180.0"});
        tests.put(MeasurementCode.ONE_LEG_STANCE, new String[] {"one-leg-stance-supported/1", "180.0"});
        tests.put(MeasurementCode.GRIP_STRENGTH, new String[] {"grip/1", "100.0"});
        tests.put(MeasurementCode.SIT_AND_REACH, new String[] {"chair-sit-and-reach/1", "-50.0"});
        tests.forEach((code, what) -> {
            String[][] five = new String[5][];
            for (int i = 0; i < 5; i++) {
                five[i] = new String[] {"2026-12-2" + (4 + i), what[1], code == MeasurementCode.ONE_LEG_STANCE ? null : "BELOW"};
            }
            all.add(recent(code, what[0], kr.smartsenior.protocol.RecentResults.Trend.DECLINED, five));
        });
        return new kr.smartsenior.protocol.MemberResults(2026, List.of(), all);
    }

    private static kr.smartsenior.protocol.RecentResults recent(MeasurementCode code, String protocol,
            kr.smartsenior.protocol.RecentResults.Trend trend, String[]... results) {
        List<kr.smartsenior.protocol.RecentResults.Result> list = new java.util.ArrayList<>();
        for (String[] r : results) {
            list.add(new kr.smartsenior.protocol.RecentResults.Result(java.time.LocalDate.parse(r[0]),
                    new java.math.BigDecimal(r[1]), r[2] == null ? null : kr.smartsenior.protocol.ResultBand.valueOf(r[2])));
        }
        return new kr.smartsenior.protocol.RecentResults(code, protocol, trend, list);
    }

    /** A golden prescription as the kiosk receives it: inside a roster, decoded by the kiosk's codec. */
    static kr.smartsenior.protocol.KioskPrescription prescription(String name) {
        String roster = """
                {"siteId":"ydp-01","version":7,"issuedAt":"2026-11-21T09:00:00Z","members":[{"memberId":"M7K2Q9XD4T",
                 "displayName":"김순자","tokenHash":"00","cardVersion":1,"prescription":%s}]}"""
                .formatted(new String(kr.smartsenior.protocol.contract.ContractExamples.read(PRESCRIPTIONS, name),
                        java.nio.charset.StandardCharsets.UTF_8));
        var decoded = new kr.smartsenior.protocol.ProtocolCodec().decodeRoster(roster.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!(decoded instanceof kr.smartsenior.protocol.Decoded.Ok<kr.smartsenior.protocol.Roster> ok)) {
            throw new IllegalStateException("golden prescription " + name + " does not decode: " + decoded);
        }
        return ok.value().members().getFirst().prescription();
    }

    static final ExercisePrograms.Offer STEP_JUMP = new ExercisePrograms.Offer(MeasurementCode.STEP_JUMP, 2, 10, false);
    static final ExercisePrograms.Offer BALANCE = new ExercisePrograms.Offer(MeasurementCode.BALANCE, 2, 10, true);
    static final ExercisePrograms.Offer BALANCE_SUPPORTED = new ExercisePrograms.Offer(MeasurementCode.BALANCE, 1, 10, true);
    static final ExercisePrograms.Offer INTERVAL = new ExercisePrograms.Offer(MeasurementCode.INTERVAL, 1, 10, false);
    static final ExercisePrograms.Summary SUMMARY = new ExercisePrograms.Summary(MeasurementCode.STEP_JUMP,
            java.time.Duration.ofMinutes(10), 142, 47, 75, 812, 64, 2, 2, 0, null);
    static final ExercisePrograms.Summary STOPPED = new ExercisePrograms.Summary(MeasurementCode.BALANCE,
            java.time.Duration.ofSeconds(272), 9, 3, 75, 1420, 0, 2, 1, 0, "stepped-off");

    /** The result lines as the controller makes them. */
    private static final class KioskControllerLines {
        static List<Line> of(ExercisePrograms.Summary summary) {
            return ScreenWording.exerciseResult(summary);
        }
    }
}
