package kr.smartsenior.edge.measure;

/** Why a test produced no result; the senior is offered a retry. */
public enum InvalidReason {
    FALSE_START("신호 전에 움직였어요. 다시 해 볼까요?"),
    NOT_IN_START_POSITION("시작 자세를 확인해 주세요."),
    NO_MOVEMENT("움직임이 감지되지 않았어요."),
    SENSOR_DROPOUT("센서가 잠시 끊겼어요. 다시 해 볼까요?"),
    OUT_OF_RANGE("측정값이 정상 범위를 벗어났어요. 다시 해 볼까요?"),
    UNEVEN_STEPS("양발이 고르게 감지되지 않았어요. 발판을 확인해 주세요."),
    COURSE_NOT_COMPLETED("반환점을 돌지 않았어요."),
    TIMED_OUT("시간이 너무 오래 걸렸어요.");

    private final String korean;

    InvalidReason(String korean) {
        this.korean = korean;
    }

    /** A calm sentence for the senior. */
    public String korean() {
        return korean;
    }
}
