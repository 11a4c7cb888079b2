package kr.smartsenior.edge.measure;

/**
 * Hears a {@link FitnessTestSession}; called on the sensor loop thread, so a JavaFX view must hand over
 * with {@code Platform.runLater}. Keep it quick.
 */
public interface TestListener {

    /** The test entered a phase (its result or invalid reason is set before this is called). */
    void onPhase(FitnessTestSession test, TestPhase phase);

    /** Live progress during countdown, practice and measuring, about ten times a second. */
    default void onProgress(FitnessTestSession test, TestProgress progress) {
    }
}
