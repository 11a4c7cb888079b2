package kr.smartsenior.edge.ui.views;

/** What a senior can choose on a screen; buttons and pads both end up as one of these. */
public enum Action {
    /** Home: 체력 측정. */
    MEASURE,
    /** Before the battery, "아프거나 어지러우세요?": yes (no test today). */
    UNWELL,
    /** Before the battery, "아프거나 어지러우세요?": no (the battery starts). */
    WELL,
    /** Before the one-leg stance, "의자를 잡지 않고 한 발로 서 보시겠어요?": yes, hands free (graded). */
    HANDS_FREE,
    /** Before the one-leg stance: holding the chair (recorded as supported, never graded). */
    HOLD_CHAIR,
    /** Home: 운동하기; on a program's briefing: 다른 운동 (back to the choice). */
    EXERCISE,
    /** The exercise choice: 스텝&점프. */
    CHOOSE_STEP_JUMP,
    /** The exercise choice: 밸런스. */
    CHOOSE_BALANCE,
    /** The exercise choice: 고강도 인터벌. */
    CHOOSE_INTERVAL,
    /** Asked why they stopped: dizziness or chest pain. */
    SYMPTOM,
    /** Asked why they stopped: they want to end the session. */
    END_EXERCISE,
    /** Asked why they stopped: go on exercising. */
    RESUME,
    /** Home: 내 기록. */
    RECORDS,
    /** Home, summary: 끝내기 (goodbye). */
    FINISH,
    /** Greeting, result: go on. */
    NEXT,
    /** A waiting test step, or an exercise briefing: I am ready. */
    READY,
    /** Leave this test out. */
    SKIP,
    /** Stop a test that is counting down or measuring, or an exercise (asks why). */
    STOP,
    /** A screen in pages (a long prescription): the next page. */
    NEXT_PAGE,
    /** A screen in pages: the page before. */
    PREVIOUS_PAGE,
    /** Try a test again. */
    RETRY,
    /** "계속하시겠어요?": yes. */
    KEEP_GOING,
    /** Back to the home screen of the same session. */
    HOME,
    /** Back to the idle screen (ends any session). */
    START_OVER,
    /** After an exercise session, "얼마나 힘드셨어요?": 0 (전혀 힘들지 않음) to 10 (최대로 힘듦), Borg CR10. */
    EFFORT_0, EFFORT_1, EFFORT_2, EFFORT_3, EFFORT_4, EFFORT_5, EFFORT_6, EFFORT_7, EFFORT_8, EFFORT_9, EFFORT_10,
    /** The effort question left unanswered: nothing is recorded. */
    NO_EFFORT,
    /** Staff held the corner of the idle screen: the staff menu. */
    STAFF_MENU,
    /** Staff menu: 검증 측정 on (each sensor test is also taken by hand and entered). */
    VALIDATION_ON,
    /** Staff menu: 검증 측정 off. */
    VALIDATION_OFF,
    /** The staff keypad of 검증 측정: a digit. */
    DIGIT_0, DIGIT_1, DIGIT_2, DIGIT_3, DIGIT_4, DIGIT_5, DIGIT_6, DIGIT_7, DIGIT_8, DIGIT_9,
    /** The staff keypad: the decimal point (for seconds). */
    DECIMAL_POINT,
    /** The staff keypad: erase the last character. */
    ERASE,
    /** The staff keypad: keep the number typed as the hand reference. */
    SAVE_HAND_VALUE,
    /** The staff keypad: no hand value for this trial (the kiosk's result is recorded alone). */
    NO_HAND_VALUE;

    private static final Action[] EFFORTS = {EFFORT_0, EFFORT_1, EFFORT_2, EFFORT_3, EFFORT_4, EFFORT_5, EFFORT_6, EFFORT_7,
        EFFORT_8, EFFORT_9, EFFORT_10};
    private static final Action[] DIGITS = {DIGIT_0, DIGIT_1, DIGIT_2, DIGIT_3, DIGIT_4, DIGIT_5, DIGIT_6, DIGIT_7, DIGIT_8,
        DIGIT_9};

    /** The answer "{@code rating}" to the effort question (0 to 10). */
    public static Action effort(int rating) {
        return EFFORTS[rating];
    }

    /** The rating this answer gives, or -1 when it is no effort answer. */
    public int effortRating() {
        return ordinal() >= EFFORT_0.ordinal() && ordinal() <= EFFORT_10.ordinal() ? ordinal() - EFFORT_0.ordinal() : -1;
    }

    /** The keypad key for {@code digit} (0 to 9). */
    public static Action digit(int digit) {
        return DIGITS[digit];
    }

    /** The digit this key types, or -1 when it is no digit key. */
    public int digitTyped() {
        return ordinal() >= DIGIT_0.ordinal() && ordinal() <= DIGIT_9.ordinal() ? ordinal() - DIGIT_0.ordinal() : -1;
    }
}
