package kr.smartsenior.edge.measure;

import java.math.BigDecimal;

/**
 * What the screen shows while a test runs.
 *
 * @param phase           {@link TestPhase#COUNTDOWN}, {@link TestPhase#PRACTICE} or {@link TestPhase#MEASURING}
 * @param countdown       whole seconds left before "go" (0 once measuring)
 * @param elapsedMillis   since "go"
 * @param remainingMillis until the automatic end of a timed test, or -1 for open-ended ones
 * @param value           the live value in the test's unit (stands so far, seconds standing, …)
 */
public record TestProgress(TestPhase phase, int countdown, long elapsedMillis, long remainingMillis, BigDecimal value) {
}
