package kr.smartsenior.edge.measure;

/** Where a test is; the screen shows one view per phase. */
public enum TestPhase {
    /** Explaining the test (and demonstrating it); waits for {@link FitnessTestSession#ready()}. */
    INSTRUCTIONS,
    /** Trying it once; the sensors are watched but nothing is counted. */
    PRACTICE,
    /** "3, 2, 1": moving now is a false start. */
    COUNTDOWN,
    /** Running; progress is reported about ten times a second. */
    MEASURING,
    /** Finished with a valid result, already recorded. */
    RESULT,
    /** Finished without a usable result; {@link FitnessTestSession#ready()} tries again. */
    INVALID,
    /** Stopped by staff or the senior. */
    CANCELLED;

    /** Whether the test will not change phase again. */
    public boolean isFinal() {
        return this == RESULT || this == CANCELLED;
    }
}
