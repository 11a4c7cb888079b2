package kr.smartsenior.server.fitness;

import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import org.springframework.stereotype.Component;

/**
 * Grades one result against the norm for the senior's sex and age (age in whole years at the
 * test, from the birth year only, so it can be one year high).
 */
@Component
final class Grader {

    static final String SFT_SOURCE = "Rikli & Jones 1999 (Senior Fitness Test normal range, 25th-75th percentile)";
    static final String GRADE_NOTE = "percentile and grade are estimates from the SFT 25th/75th percentiles"
            + " (normal assumption); the grade is derived, not an official 국민체력100 cut-off";
    static final int OLDEST_SFT_AGE = 94;
    static final int YOUNGEST_NORM_AGE = 60;

    private final NormTables norms;

    Grader(NormTables norms) {
        this.norms = norms;
    }

    Grade grade(MeasurementCode code, double value, String sex, int age, Map<String, Object> detail) {
        if (age < YOUNGEST_NORM_AGE && code != MeasurementCode.GRIP_STRENGTH && code != MeasurementCode.HEIGHT
                && code != MeasurementCode.WEIGHT) {
            return Grade.notGraded("the norms start at age 60; this result was taken at age " + age);
        }
        Optional<String> foreign = foreignProtocol(code, detail);
        if (foreign.isPresent()) {
            return Grade.notGraded(foreign.get());
        }
        return switch (code) {
            case CHAIR_STAND_30S, STEP_IN_PLACE_2MIN, SIT_AND_REACH -> sft(code.name(), value, sex, age);
            case TIMED_UP_AND_GO -> tug(value, age);
            case GRIP_STRENGTH -> grip(value, sex);
            case ONE_LEG_STANCE -> Grade.notGraded("no age/sex normal range adopted; see the fall-risk flag (< 5 s)");
            case FIGURE_8_WALK -> Grade.notGraded("no published norm obtained for the figure-8 walk; trend only");
            case HEIGHT, WEIGHT -> Grade.notGraded("used for BMI");
            case STEP_JUMP, BALANCE, INTERVAL -> Grade.notGraded("an exercise session, not a test");
            case UNWELL_TODAY -> Grade.notGraded("the senior's answer to the safety question, not a test");
            case EXERCISE_EFFORT -> Grade.notGraded("the senior's effort rating after a session, not a test");
        };
    }

    /**
     * Why a result cannot be graded against this code's norm because of how it was taken, if so: a
     * norm grades only results taken by the procedure it was published for ({@link MeasurementProtocol};
     * the sit-and-reach norm is the Senior Fitness Test's <em>chair</em> sit-and-reach). A record
     * without a protocol id (the earliest kiosks, hand-made records) is graded as the catalogue's
     * procedure.
     */
    static Optional<String> foreignProtocol(MeasurementCode code, Map<String, Object> detail) {
        MeasurementProtocol.Reading reading = MeasurementProtocol.read(detail == null ? null : detail.get("protocol"));
        return switch (reading) {
            case MeasurementProtocol.Reading.Absent absent -> Optional.empty();
            case MeasurementProtocol.Reading.Known known when known.protocol() == MeasurementProtocol.of(code) ->
                    Optional.empty();
            case MeasurementProtocol.Reading.Known known when known.protocol().code() == code -> Optional.of(
                    "taken by " + known.protocol().id() + " (holding on), not by the norm's procedure; recorded, not graded");
            case MeasurementProtocol.Reading.Known known -> Optional.of("taken by " + known.protocol().id()
                    + ", which is not a procedure for " + code + "; not graded");
            case MeasurementProtocol.Reading.Superseded superseded -> Optional.of("taken by " + reading.describe()
                    + "; stored, not graded");
            case MeasurementProtocol.Reading.OtherVersion other -> Optional.of("taken by protocol " + reading.describe()
                    + "; stored, not graded until this server is updated");
            case MeasurementProtocol.Reading.Unknown unknown -> Optional.of("taken by an " + reading.describe()
                    + "; stored, not graded");
        };
    }

    private Grade sft(String test, double value, String sex, int age) {
        int lookupAge = Math.min(age, OLDEST_SFT_AGE);
        Optional<NormalRange> found = norms.sft(test, sex, lookupAge);
        if (found.isEmpty()) {
            return Grade.notGraded("no normal range for " + sex + " age " + age);
        }
        NormalRange range = found.get();
        String note = GRADE_NOTE;
        if (age > OLDEST_SFT_AGE) {
            note = "older than the oldest published band; graded against 90-94. " + note;
        }
        return new Grade(range.band(value), range.percentile(value), range.grade(value),
                SFT_SOURCE + ", " + range.describe(), note);
    }

    private Grade tug(double seconds, int age) {
        Optional<NormTables.TugReference> found = norms.tug(age);
        String note = "3 m timed up-and-go; the SFT 8-foot norms do not apply to it";
        if (found.isEmpty()) {
            found = norms.tug(99);
            note = "older than the oldest published group; compared with 80-99. " + note;
        }
        NormTables.TugReference reference = found.orElseThrow();
        Band band = seconds > reference.ciHigh() ? Band.BELOW : Band.WITHIN;
        return new Grade(band, null, null, "Bohannon 2006 (3 m TUG), age %d-%d: mean %s s, worse than average above %s s"
                .formatted(reference.ageFrom(), reference.ageTo(), Numbers.plain(reference.mean()),
                        Numbers.plain(reference.ciHigh())), note);
    }

    private Grade grip(double kg, String sex) {
        double lowUnder = norms.gripLowUnder(sex).orElseThrow();
        Band band = kg < lowUnder ? Band.BELOW : Band.WITHIN;
        return new Grade(band, null, null, "AWGS 2019: low handgrip strength under %s kg (%s)"
                .formatted(Numbers.plain(lowUnder), sex), "a low / not low cut-off; no percentile table adopted");
    }
}
