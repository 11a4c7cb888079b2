package kr.smartsenior.edge.ui.views;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.Offer;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;
import kr.smartsenior.edge.ui.ports.FitnessTests.Step;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * What one screen shows: immutable, made by the controller, drawn by the matching view. Each screen
 * offers one decision: its choices (the main one first, which a pad press also chooses).
 */
public sealed interface Screen {

    /** The buttons, main choice first (a {@link Question} keeps its answers in the order they are read). */
    List<Choice> choices();

    /** What stepping on a pad chooses here, if anything: the main choice. */
    default Optional<Action> padAction() {
        return choices().stream().filter(Choice::main).map(Choice::action).findFirst();
    }

    default boolean offers(Action action) {
        return choices().stream().anyMatch(choice -> choice.action() == action);
    }

    /** What a foot held on one pad for {@link Question#PAD_HOLD} chooses here: only a question's main answer. */
    default Optional<Action> padHoldAction() {
        return Optional.empty();
    }

    /**
     * A question (decision 0028): touch answers it, any answer; a pad answers it only when held, a foot put
     * on one pad after the question appeared and kept there {@link #PAD_HOLD}, and then chooses the main
     * answer (the one drawn big, which the spoken question names). A quick press, a wobble or a foot that
     * was already on the mat answers nothing. The same on every question screen.
     */
    sealed interface Question extends Screen permits SafetyAsk, OneLegHandsAsk, ExerciseStopAsk, EffortAsk {

        /** How long a foot stays on a pad to answer a question. */
        java.time.Duration PAD_HOLD = java.time.Duration.ofSeconds(2);

        @Override
        default Optional<Action> padAction() {
            return Optional.empty();
        }

        @Override
        default Optional<Action> padHoldAction() {
            return choices().stream().filter(Choice::main).map(Choice::action).findFirst();
        }
    }

    /** A button: its Korean label, what it does, and whether it is the main choice (big, pad). */
    record Choice(String label, Action action, boolean main) {
        public Choice {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(action, "action");
        }

        static Choice main(String label, Action action) {
            return new Choice(label, action, true);
        }

        static Choice other(String label, Action action) {
            return new Choice(label, action, false);
        }
    }

    /** A label and its text, one line of the summary. */
    record Line(String label, String text) {
    }

    /**
     * Nobody is being served: an invitation to show the card. Awake when someone stands in front. No
     * button; staff open their menu by holding a corner of it ({@link Action#STAFF_MENU}).
     *
     * @param notice a calm line for staff ("기기 점검 중: 발판", "연습용 예시 데이터"), empty for none
     */
    record Idle(boolean awake, String notice) implements Screen {

        public Idle {
            Objects.requireNonNull(notice, "notice");
        }

        public Idle(boolean awake) {
            this(awake, "");
        }
        @Override
        public List<Choice> choices() {
            return List.of();
        }

        @Override
        public boolean offers(Action action) {
            return action == Action.STAFF_MENU;
        }
    }

    /** @param notice a calm line for staff (example data in the simulation), empty for none */
    record Greeting(String name, String notice) implements Screen {

        public Greeting {
            Objects.requireNonNull(notice, "notice");
        }

        public Greeting(String name) {
            this(name, "");
        }

        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("시작하기", Action.NEXT));
        }
    }

    /**
     * What to do. When the senior said today they were unwell, the exercise tile says so and leads only
     * to {@link ExerciseRestToday} (why, and to tell the staff).
     */
    record Home(String name, boolean exerciseRestsToday) implements Screen {

        /** The label of the exercise tile on a day the senior rests. */
        public static final String EXERCISE_RESTS = "운동은 오늘 쉬어요";

        public Home(String name) {
            this(name, false);
        }

        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("체력 측정", Action.MEASURE),
                    Choice.other(exerciseRestsToday ? EXERCISE_RESTS : "운동하기", Action.EXERCISE),
                    Choice.other("내 기록", Action.RECORDS), Choice.other("끝내기", Action.FINISH));
        }
    }

    /**
     * "오늘 몸이 아프거나 어지러우세요?" before the battery. A {@link Question}: either answer by touch, "아니요,
     * 괜찮아요" also by a pad held (a senior on the mat hands free); a quick press (a wobble, a foot left on
     * the mat) never answers it. The tests' own safety gate still applies the prescription's limits.
     */
    record SafetyAsk() implements Question {

        /** The question as shown (and kept with the record of a "yes"). */
        public static final String QUESTION = "오늘 몸이 아프거나 어지러우세요?";

        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("네, 있어요", Action.UNWELL), Choice.main("아니요, 괜찮아요", Action.WELL));
        }
    }

    /**
     * Before the one-leg stance: "의자를 잡지 않고 한 발로 서 보시겠어요?" The mat cannot see hands, so only the
     * senior's answer here makes the stance the graded hands-free one; holding the chair is always fine
     * (recorded, never graded). A {@link Question}: hands free only by touch; a pad held chooses holding the
     * chair (a foot cannot say the hands are free); a quick press answers nothing, and no answer (timeout,
     * leaving) never counts as hands free.
     */
    record OneLegHandsAsk(int number, int total) implements Question {

        /** The question as shown (the spoken prompt starts with it). */
        public static final String QUESTION = "의자를 잡지 않고 한 발로 서 보시겠어요?";

        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("손 떼고 해 볼게요", Action.HANDS_FREE),
                    Choice.main("의자 잡고 할게요", Action.HOLD_CHAIR));
        }
    }

    /**
     * The safety gate said no test today: rest and tell the staff; nothing was measured. When the senior
     * said they were unwell ({@code exerciseToo}), the screen says exercise rests today as well.
     */
    record RestToday(boolean exerciseToo) implements Screen {

        /** No test today (a high blood pressure on file); exercise within the prescription's limits. */
        public RestToday() {
            this(false);
        }

        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("처음 화면으로", Action.HOME));
        }
    }

    /**
     * A test waits for the senior: safety question, instructions with demonstration, or practice.
     *
     * @param heldChair a one-leg stance the senior chose to do holding the chair: its instructions say
     *                  to hold it (not hands on the hips)
     */
    record TestStep(int number, int total, MeasurementCode test, Step step, boolean heldChair) implements Screen {

        public TestStep(int number, int total, MeasurementCode test, Step step) {
            this(number, total, test, step, false);
        }

        TestGuide guide() {
            return TestGuide.of(test);
        }

        /** What this step shows and says. */
        public Prompt prompt() {
            return guide().prompt(step, heldChair);
        }

        @Override
        public List<Choice> choices() {
            String ready = switch (step) {
                case SAFETY_CHECK -> "네, 있어요";
                case INSTRUCTIONS -> "시작하기";
                case PRACTICE -> "준비됐어요";
            };
            return List.of(Choice.main(ready, Action.READY), Choice.other("이 측정은 건너뛰기", Action.SKIP));
        }
    }

    /** 3, 2, 1: the number itself is live (view model). */
    record Countdown(int number, int total, MeasurementCode test) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("그만하기", Action.STOP));
        }
    }

    /** Measuring: the counter or timer is live (view model). */
    record Measuring(int number, int total, MeasurementCode test) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("그만하기", Action.STOP));
        }
    }

    record Result(int number, int total, MeasurementCode test, String valueText, String sentence, Grade grade,
            boolean last) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.main(last ? "오늘 결과 보기" : "다음 측정", Action.NEXT));
        }
    }

    /** The attempt did not count, or the senior stopped it. */
    record Retry(int number, int total, MeasurementCode test, String reason) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("다시 하기", Action.RETRY), Choice.other("건너뛰기", Action.SKIP));
        }
    }

    /**
     * A screen whose content comes in pages (a long prescription): 「다음」, the main choice (a pad
     * press) until the last page, and 「이전」; the screen's own way out stays on every page.
     */
    interface Paged {
        /** The page shown, from 0. */
        int page();

        /** How many pages there are. */
        int pages();

        /** The same screen on the page {@code delta} pages on (held within the first and the last). */
        Screen turned(int delta);
    }

    /**
     * A page of lines under its title ("오늘 측정", "운동 처방", a test's name).
     *
     * @param table lines of a label and its text side by side (results); otherwise sentences one under the
     *              other (the prescription)
     */
    record Page(String title, List<Line> lines, boolean table) {
        public Page {
            lines = List.copyOf(lines);
        }

        public Page(String title, List<Line> lines) {
            this(title, lines, false);
        }
    }

    /**
     * Today's results and the prescription; after the battery, or from 내 기록. Today's results make the
     * first page, the prescription's sentences as many pages as they need (decision 0025): a page holds
     * at most {@link #ROWS_PER_PAGE} rows of {@link #LETTERS_PER_ROW} letters, so the longest
     * prescription the server writes never pushes the heading or the buttons off the screen. From 내 기록,
     * the latest results the roster carries come between them, a page per test ({@code history}: at most
     * {@link kr.smartsenior.protocol.RecentResults#MAX_RESULTS} dated results and the trend; decision 0027).
     */
    record Summary(String name, List<Line> results, List<Line> prescription, boolean afterBattery, int page,
            List<Page> history) implements Screen, Paged {

        /** Rows of prescription text on one page (the layout checks prove they fit 1920×1080). */
        public static final int ROWS_PER_PAGE = 6;
        /** Letters of a 40 px line across the summary's panel (a conservative count; Korean is wide). */
        public static final int LETTERS_PER_ROW = 34;
        /** Results on one page. */
        public static final int RESULTS_PER_PAGE = 4;

        public Summary {
            results = List.copyOf(results);
            prescription = List.copyOf(prescription);
            history = history == null ? List.of() : List.copyOf(history);
            page = Math.clamp(page, 0, Math.max(0, paged(results, history, prescription).size() - 1));
        }

        public Summary(String name, List<Line> results, List<Line> prescription, boolean afterBattery, int page) {
            this(name, results, prescription, afterBattery, page, List.of());
        }

        public Summary(String name, List<Line> results, List<Line> prescription, boolean afterBattery) {
            this(name, results, prescription, afterBattery, 0);
        }

        /** Every page of this summary, in order. */
        public List<Page> allPages() {
            return paged(results, history, prescription);
        }

        @Override
        public int pages() {
            return allPages().size();
        }

        @Override
        public Summary turned(int delta) {
            return new Summary(name, results, prescription, afterBattery, page + delta, history);
        }

        private static List<Page> paged(List<Line> results, List<Page> history, List<Line> prescription) {
            List<Page> pages = new java.util.ArrayList<>();
            for (int from = 0; from < results.size(); from += RESULTS_PER_PAGE) {
                pages.add(new Page("오늘 측정", results.subList(from, Math.min(results.size(), from + RESULTS_PER_PAGE)),
                        true));
            }
            pages.addAll(history);
            List<Line> page = new java.util.ArrayList<>();
            int rows = 0;
            for (Line line : prescription) {
                int needs = rows(line.text());
                if (!page.isEmpty() && rows + needs > ROWS_PER_PAGE) {
                    pages.add(new Page("운동 처방", page));
                    page = new java.util.ArrayList<>();
                    rows = 0;
                }
                page.add(line);
                rows += needs;
            }
            if (!page.isEmpty()) {
                pages.add(new Page("운동 처방", page));
            }
            return pages;
        }

        /** The rows a sentence takes across the panel. */
        static int rows(String text) {
            return Math.max(1, (text.length() + LETTERS_PER_ROW - 1) / LETTERS_PER_ROW);
        }

        @Override
        public List<Choice> choices() {
            boolean more = page < pages() - 1;
            List<Choice> choices = new java.util.ArrayList<>();
            if (more) {
                choices.add(Choice.main("다음", Action.NEXT_PAGE));
            }
            if (page > 0) {
                choices.add(Choice.other("이전", Action.PREVIOUS_PAGE));
            }
            choices.add(more ? Choice.other("끝내기", Action.FINISH) : Choice.main("끝내기", Action.FINISH));
            choices.add(Choice.other("처음 화면으로", Action.HOME));
            return choices;
        }
    }

    /**
     * 운동하기 on a day the senior said they were unwell: no exercise at the kiosk today, why, and to tell
     * the staff.
     */
    record ExerciseRestToday() implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("처음 화면으로", Action.HOME));
        }
    }

    /**
     * 운동하기 when nothing is prescribed (or allowed) today, or, {@code matOut}, when the step mat every
     * program plays on is out of order (staff are told on the idle screen).
     */
    record ExerciseNone(boolean matOut) implements Screen {

        /** Nothing prescribed or allowed today. */
        public ExerciseNone() {
            this(false);
        }

        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("처음 화면으로", Action.HOME));
        }
    }

    /** 운동하기: which of the prescribed programs, the first one the pad's choice. */
    record ExerciseChoice(List<Offer> offers) implements Screen {
        public ExerciseChoice {
            offers = List.copyOf(offers);
        }

        @Override
        public List<Choice> choices() {
            List<Choice> choices = new java.util.ArrayList<>();
            for (Offer offer : offers) {
                String label = ExerciseGuide.of(offer.program()).name();
                Action action = ExerciseGuide.of(offer.program()).choose();
                choices.add(choices.isEmpty() ? Choice.main(label, action) : Choice.other(label, action));
            }
            choices.add(Choice.other("처음 화면으로", Action.HOME));
            return choices;
        }
    }

    /** A program's briefing: what to do, where to stand, holding on, the safety sentence. */
    record ExerciseBriefing(Offer offer) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("시작하기", Action.READY), Choice.other("다른 운동", Action.EXERCISE));
        }
    }

    /** Exercising: the mat with its lit pads, the cue, the answer and the score are live (view model). */
    record ExercisePlay(Offer offer, ExercisePrograms.Stage stage) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("멈추기", Action.STOP));
        }
    }

    /**
     * Stepped off the mat: the clock stands still until both feet are back; {@code feetBack} while they
     * stand on the home pads again and the session settles before it goes on ("곧 다시 시작해요", no
     * longer asking to put them there).
     */
    record ExercisePaused(Offer offer, boolean feetBack) implements Screen {

        public ExercisePaused(Offer offer) {
            this(offer, false);
        }

        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("그만하기", Action.STOP));
        }
    }

    /**
     * "어디가 불편하세요?" after 멈추기. A {@link Question}: any answer by touch; a pad held stops the session
     * ("그만할래요", the cautious answer); a wobble onto a pad answers nothing.
     */
    record ExerciseStopAsk(Offer offer) implements Question {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("어지럽거나 가슴이 아파요", Action.SYMPTOM),
                    Choice.main("그만할래요", Action.END_EXERCISE), Choice.other("계속할게요", Action.RESUME));
        }
    }

    /** Stopped for dizziness or chest pain: sit down and tell the staff. */
    record ExerciseSymptom(Offer offer) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("처음 화면으로", Action.HOME));
        }
    }

    /** How the session went (already recorded). */
    record ExerciseResult(Offer offer, ExercisePrograms.Summary summary, List<Line> lines) implements Screen {
        public ExerciseResult {
            lines = List.copyOf(lines);
        }

        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("처음 화면으로", Action.HOME), Choice.other("끝내기", Action.FINISH));
        }
    }

    /**
     * Right after an exercise session (already recorded): "얼마나 힘드셨어요?", Borg's CR10 scale, 0 to 10,
     * one big button per number with the scale's words on the anchored ones. A {@link Question}: a rating
     * only by touch (a foot cannot pick one of eleven); a pad held moves on without one ("답하지 않을래요");
     * a foot still on the mat answers nothing. Left unanswered, nothing is recorded.
     */
    record EffortAsk(Offer offer, ExercisePrograms.Summary summary) implements Question {

        /** The question as shown. */
        public static final String QUESTION = "방금 운동, 얼마나 힘드셨어요?";

        /**
         * The words of the scale by number (empty where the scale has none): Borg CR10's anchors in plain
         * Korean (docs/user-guide-ko.md, "운동 후 힘든 정도").
         */
        public static final List<String> ANCHORS = List.of("전혀 힘들지 않음", "아주 가벼움", "가벼움", "보통", "조금 힘듦",
                "힘듦", "", "매우 힘듦", "", "", "최대로 힘듦");

        @Override
        public List<Choice> choices() {
            List<Choice> choices = new java.util.ArrayList<>();
            for (int rating = 0; rating <= 10; rating++) {
                choices.add(Choice.other(Integer.toString(rating), Action.effort(rating)));
            }
            choices.add(Choice.main("답하지 않을래요", Action.NO_EFFORT));
            return choices;
        }
    }

    /**
     * 검증 측정: the kiosk measured a trial, and the staff member who timed or counted the same trial by
     * hand types their number (staff only; the senior waits). The kiosk's value stays the result.
     *
     * @param measured the kiosk's result as shown ("14번")
     * @param typed    what the staff member has typed so far
     * @param problem  why the last number was not taken, or empty
     */
    record HandReference(int number, int total, MeasurementCode test, String measured, String typed, String problem)
            implements Screen {

        /** Longest number typed ("180.25"). */
        static final int MAX_TYPED = 6;

        public HandReference {
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(typed, "typed");
            Objects.requireNonNull(problem, "problem");
        }

        /** Whether the number may have decimals (seconds; counts are whole). */
        public boolean decimals() {
            return test.unit() == kr.smartsenior.protocol.Unit.SECONDS;
        }

        /** The same screen after a key of the keypad; a key that cannot apply changes nothing. */
        public HandReference typing(Action key) {
            String next = typed;
            int digit = key.digitTyped();
            if (digit >= 0) {
                int point = typed.indexOf('.');
                boolean roomForDecimals = point < 0 || typed.length() - point - 1 < 2;
                if (typed.length() < MAX_TYPED && roomForDecimals) {
                    next = typed.equals("0") ? Integer.toString(digit) : typed + digit;
                }
            } else if (key == Action.DECIMAL_POINT && decimals() && !typed.contains(".") && typed.length() < MAX_TYPED - 1) {
                next = (typed.isEmpty() ? "0" : typed) + ".";
            } else if (key == Action.ERASE && !typed.isEmpty()) {
                next = typed.substring(0, typed.length() - 1);
            }
            return new HandReference(number, total, test, measured, next, "");
        }

        /**
         * The number typed if it is one this test can give (the catalogue's range for the code, whole
         * for counts); otherwise empty.
         */
        public Optional<java.math.BigDecimal> value() {
            if (typed.isEmpty() || typed.endsWith(".")) {
                return Optional.empty();
            }
            java.math.BigDecimal value = new java.math.BigDecimal(typed);
            if (value.compareTo(test.min()) < 0 || value.compareTo(test.max()) > 0
                    || (!decimals() && value.stripTrailingZeros().scale() > 0)) {
                return Optional.empty();
            }
            return Optional.of(value);
        }

        /** What the staff member is told when the number cannot be kept. */
        public String rangeProblem() {
            return test.min().toPlainString() + "부터 " + test.max().toPlainString() + "까지의 "
                    + (decimals() ? "초" : "횟수") + "를 넣어 주세요.";
        }

        @Override
        public List<Choice> choices() {
            List<Choice> keys = new java.util.ArrayList<>();
            for (int digit : new int[] {7, 8, 9, 4, 5, 6, 1, 2, 3}) {
                keys.add(Choice.other(Integer.toString(digit), Action.digit(digit)));
            }
            keys.add(Choice.other("지우기", Action.ERASE));
            keys.add(Choice.other("0", Action.digit(0)));
            if (decimals()) {
                keys.add(Choice.other(".", Action.DECIMAL_POINT));
            }
            keys.add(Choice.other("저장", Action.SAVE_HAND_VALUE));
            keys.add(Choice.other("손 측정 없음", Action.NO_HAND_VALUE));
            return keys;
        }
    }

    /** The staff menu (held corner of the idle screen): 검증 측정 on or off for this kiosk. */
    record StaffMenu(boolean validationOn) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(validationOn ? Choice.other("검증 측정 끄기", Action.VALIDATION_OFF)
                    : Choice.other("검증 측정 켜기", Action.VALIDATION_ON), Choice.other("나가기", Action.START_OVER));
        }
    }

    /** "계속하시겠어요?" after a while without input. */
    record StillThere() implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("네, 계속할게요", Action.KEEP_GOING));
        }
    }

    record Goodbye(String name) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of();
        }
    }

    /** Something went wrong: a calm sentence and a way back, never a stack trace. */
    record Problem(Kind kind, String message) implements Screen {

        public enum Kind {
            CARD("카드를 확인하지 못했어요", Prompt.CARD_UNKNOWN),
            SENSOR("측정을 계속할 수 없어요", Prompt.SENSOR_FAILURE),
            SAVE("결과를 저장하지 못했어요", Prompt.SAVE_FAILURE),
            UNEXPECTED("죄송해요, 잠시 멈췄어요", Prompt.UNEXPECTED);

            final String heading;
            final Prompt prompt;

            Kind(String heading, Prompt prompt) {
                this.heading = heading;
                this.prompt = prompt;
            }
        }

        /** The heading shown above the message. */
        public String heading() {
            return kind.heading;
        }

        /** Sensor and save problems return to the same person's home screen; the others end the session. */
        public boolean keepsSession() {
            return kind == Kind.SENSOR || kind == Kind.SAVE;
        }

        @Override
        public List<Choice> choices() {
            return List.of(keepsSession() ? Choice.main("처음 화면으로", Action.HOME) : Choice.main("처음으로", Action.START_OVER));
        }
    }
}
