package kr.smartsenior.edge.ui;

/** What a senior can choose on a screen; buttons and pads both end up as one of these. */
public enum Action {
    /** Home: 체력 측정. */
    MEASURE,
    /** Before the battery, "아프거나 어지러우세요?": yes (no test today). */
    UNWELL,
    /** Before the battery, "아프거나 어지러우세요?": no (the battery starts). */
    WELL,
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
    /** Try a test again. */
    RETRY,
    /** "계속하시겠어요?": yes. */
    KEEP_GOING,
    /** Back to the home screen of the same session. */
    HOME,
    /** Back to the idle screen (ends any session). */
    START_OVER
}
