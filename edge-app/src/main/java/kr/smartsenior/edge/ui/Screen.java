package kr.smartsenior.edge.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kr.smartsenior.edge.ui.ExercisePrograms.Offer;
import kr.smartsenior.edge.ui.FitnessTests.Grade;
import kr.smartsenior.edge.ui.FitnessTests.Step;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * What one screen shows: immutable, made by the controller, drawn by the matching view. Each screen
 * offers one decision: its choices (the main one first, which a pad press also chooses).
 */
public sealed interface Screen {

    /** The buttons, main choice first. */
    List<Choice> choices();

    /** What stepping on a pad chooses here, if anything: the main choice. */
    default Optional<Action> padAction() {
        return choices().stream().filter(Choice::main).map(Choice::action).findFirst();
    }

    default boolean offers(Action action) {
        return choices().stream().anyMatch(choice -> choice.action() == action);
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

    /** Nobody is being served: an invitation to show the card. Awake when someone stands in front. */
    record Idle(boolean awake) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of();
        }
    }

    record Greeting(String name) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("시작하기", Action.NEXT));
        }
    }

    record Home(String name) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("체력 측정", Action.MEASURE), Choice.other("운동하기", Action.EXERCISE),
                    Choice.other("내 기록", Action.RECORDS), Choice.other("끝내기", Action.FINISH));
        }
    }

    /**
     * "오늘 몸이 아프거나 어지러우세요?" before the battery. Touch only: no main choice, so a pad press
     * (a wobble, a foot left on the mat) never answers a safety question.
     */
    record SafetyAsk() implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("네, 있어요", Action.UNWELL), Choice.other("아니요, 괜찮아요", Action.WELL));
        }
    }

    /** The safety gate said no test today: rest and tell the staff; nothing was measured. */
    record RestToday() implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("처음 화면으로", Action.HOME));
        }
    }

    /** A test waits for the senior: safety question, instructions with demonstration, or practice. */
    record TestStep(int number, int total, MeasurementCode test, Step step) implements Screen {
        TestGuide guide() {
            return TestGuide.of(test);
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

    /** Today's results and the prescription; after the battery, or from 내 기록. */
    record Summary(String name, List<Line> results, List<Line> prescription, boolean afterBattery) implements Screen {
        public Summary {
            results = List.copyOf(results);
            prescription = List.copyOf(prescription);
        }

        @Override
        public List<Choice> choices() {
            return List.of(Choice.main("끝내기", Action.FINISH), Choice.other("처음 화면으로", Action.HOME));
        }
    }

    /** 운동하기 when nothing is prescribed (or allowed) today. */
    record ExerciseNone() implements Screen {
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

    /** Stepped off the mat: the clock stands still until both feet are back. */
    record ExercisePaused(Offer offer) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("그만하기", Action.STOP));
        }
    }

    /** "어디가 불편하세요?" after 멈추기; no pad choice here (a wobble must not answer it). */
    record ExerciseStopAsk(Offer offer) implements Screen {
        @Override
        public List<Choice> choices() {
            return List.of(Choice.other("어지럽거나 가슴이 아파요", Action.SYMPTOM),
                    Choice.other("그만할래요", Action.END_EXERCISE), Choice.other("계속할게요", Action.RESUME));
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

        enum Kind {
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

        /** Sensor and save problems return to the same person's home screen; the others end the session. */
        boolean keepsSession() {
            return kind == Kind.SENSOR || kind == Kind.SAVE;
        }

        @Override
        public List<Choice> choices() {
            return List.of(keepsSession() ? Choice.main("처음 화면으로", Action.HOME) : Choice.main("처음으로", Action.START_OVER));
        }
    }
}
