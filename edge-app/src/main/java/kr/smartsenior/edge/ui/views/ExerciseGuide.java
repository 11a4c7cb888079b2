package kr.smartsenior.edge.ui.views;

import java.util.Optional;
import kr.smartsenior.edge.exercise.Cue;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.Stage;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;

/** How the screens present one exercise program, its stages and its cues, in words and prompts. */
public record ExerciseGuide(MeasurementCode program, Prompt intro, Action choose, String how) {

    public static ExerciseGuide of(MeasurementCode program) {
        return switch (program) {
            case STEP_JUMP -> new ExerciseGuide(program, Prompt.STEP_JUMP_INTRO, Action.CHOOSE_STEP_JUMP,
                    "불이 켜진 발판을 보고 그 발판을 밟아요. ✕ 표시가 나오면 가만히 계세요.");
            case BALANCE -> new ExerciseGuide(program, Prompt.BALANCE_INTRO, Action.CHOOSE_BALANCE,
                    "화면의 자세를 하고, 막대가 다 찰 때까지 버텨요.");
            case INTERVAL -> new ExerciseGuide(program, Prompt.INTERVAL_INTRO, Action.CHOOSE_INTERVAL,
                    "신호에 맞춰 빠르게 걷고, 쉬는 시간에는 천천히 걸어요.");
            default -> throw new IllegalArgumentException(program + " is not an exercise program");
        };
    }

    String name() {
        return program.koreanName();
    }

    /** "2단계 · 10분". */
    static String levelText(ExercisePrograms.Offer offer) {
        return offer.level() + "단계 · " + offer.minutes() + "분";
    }

    /** The line for holding on, when the senior should. */
    static Optional<String> holdOn(ExercisePrograms.Offer offer) {
        return offer.holdOn() ? Optional.of("의자나 손잡이를 잡고 하세요.") : Optional.empty();
    }

    static String stageWord(Stage stage) {
        return switch (stage) {
            case WARM_UP -> "준비 운동";
            case PLAY -> "운동";
            case REST -> "쉬는 시간";
            case PAUSED -> "잠시 멈춤";
            case COOL_DOWN -> "정리 운동";
        };
    }

    /** What to do while no cue is shown in a stage. */
    static String stageDoing(Stage stage, MeasurementCode program) {
        return switch (stage) {
            case WARM_UP -> "천천히 제자리 걷기";
            case PLAY -> program == MeasurementCode.INTERVAL ? "빠르게 제자리 걷기!" : "발판 위에 서서 기다려요";
            case REST, COOL_DOWN -> "천천히 걸으며 숨 고르기";
            case PAUSED -> "두 발을 1번, 2번 발판에 올려 주세요";
        };
    }

    public static Prompt stagePrompt(Stage stage, MeasurementCode program) {
        return switch (stage) {
            case WARM_UP -> Prompt.WARM_UP;
            case PLAY -> program == MeasurementCode.INTERVAL ? Prompt.WORK : Prompt.EXERCISE_GO;
            case REST -> Prompt.REST;
            case PAUSED -> Prompt.EXERCISE_PAUSED;
            case COOL_DOWN -> Prompt.COOL_DOWN;
        };
    }

    /** The cue in words (the big line on the screen). */
    public static String cueText(ExercisePrograms.ExerciseEvent.Target target) {
        int pad = target.pads().isEmpty() ? 0 : target.pads().iterator().next();
        return switch (target.move()) {
            case STEP -> target.numberOnly() ? pad + "번!" : pad + "번 발판을 밟으세요";
            case JUMP -> "두 발로 점프!";
            case STAY -> "가만히 계세요";
            case BOTH_FEET -> Prompt.TASK_BOTH_FEET.text();
            case LEAN -> Prompt.TASK_LEAN.text();
            case LEFT_LEG -> Prompt.TASK_LEFT_LEG.text();
            case RIGHT_LEG -> Prompt.TASK_RIGHT_LEG.text();
            case STAGGERED -> Prompt.TASK_STAGGERED.text();
            case MARCH -> "빠르게 제자리 걷기!";
        };
    }

    /** The cue spoken, if it is spoken (the interval's beats are not). */
    public static Optional<Prompt> cuePrompt(ExercisePrograms.ExerciseEvent.Target target) {
        return switch (target.move()) {
            case STEP -> target.pads().isEmpty() ? Optional.empty() : Optional.of(Prompt.pad(target.pads().iterator().next()));
            case JUMP -> Optional.of(Prompt.CUE_JUMP);
            case STAY -> Optional.of(Prompt.CUE_STAY);
            case BOTH_FEET -> Optional.of(Prompt.TASK_BOTH_FEET);
            case LEAN -> Optional.of(Prompt.TASK_LEAN);
            case LEFT_LEG -> Optional.of(Prompt.TASK_LEFT_LEG);
            case RIGHT_LEG -> Optional.of(Prompt.TASK_RIGHT_LEG);
            case STAGGERED -> Optional.of(Prompt.TASK_STAGGERED);
            case MARCH -> Optional.empty();
        };
    }

    /** The sign drawn on the lit pads: a shape and a word, so colour is never the only cue. */
    public static MatView.Sign sign(Cue.Kind move) {
        return switch (move) {
            case STEP, MARCH -> MatView.Sign.STEP;
            case JUMP -> MatView.Sign.JUMP;
            case STAY -> MatView.Sign.STAY;
            default -> MatView.Sign.STAND;
        };
    }

    static String stopReasonText(String reason) {
        return switch (reason) {
            case "symptom" -> "몸이 불편해서 멈췄어요";
            case "stepped-off" -> "발판에서 내려와 멈췄어요";
            case "timeout" -> "중간에 끝났어요";
            default -> "중간에 그만했어요";
        };
    }
}
