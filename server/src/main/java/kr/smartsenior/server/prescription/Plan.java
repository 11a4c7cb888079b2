package kr.smartsenior.server.prescription;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kr.smartsenior.protocol.RestrictionCode;

/**
 * One version of a member's prescription, as stored (JSON) and shown to staff. Every line carries
 * the rules and measurements behind it.
 *
 * @param version     1, 2, ... per member; 0 for a plan not stored yet
 * @param ruleset     the version of the rules that produced it
 * @param seniorLines plain Korean for the senior (restrictions first)
 * @param basis       the evaluation and screening facts the plan was made from
 */
public record Plan(String memberId, int version, OffsetDateTime createdAt, String ruleset, List<String> seniorLines,
        List<ComponentPlan> components, List<ProgramLevel> programs, List<Restriction> restrictions, Basis basis) {

    /** Why a line says what it says: the rule, in words, and the measurements it used. */
    public record Reason(String rule, String explanation, List<String> measurements) {
    }

    /** FITT-VP for one component, for staff; {@code seniorLine} for the senior. */
    public record ComponentPlan(String component, String korean, String frequency, String intensity, String time,
            String type, String volume, String progression, String seniorLine, List<String> homeExercises,
            List<Reason> reasons) {
    }

    /**
     * A kiosk program at a level (1-{@value PrescriptionRules#MAX_LEVEL}).
     *
     * @param change     START, UP, DOWN, HOLD or CAPPED (by a restriction)
     * @param levelSince when this level was set (progression looks only at what happened since)
     */
    public record ProgramLevel(String code, String korean, int level, int minutes, int perWeek, String change,
            OffsetDateTime levelSince, String seniorLine, List<Reason> reasons) {
    }

    /** A safety restriction: what the senior reads, what staff read, and the rule. */
    public record Restriction(RestrictionCode code, String seniorText, String staffText, String rule) {
    }

    /** The facts the plan was made from. */
    public record Basis(String screening, String bloodPressure, String fallRisk, List<String> components,
            OffsetDateTime evaluatedAt) {
    }

    /**
     * The same plan as another in substance: what the senior and the kiosk get (lines, restriction
     * codes, FITT-VP, home exercises, programs with level, minutes and sessions). Not compared: the
     * version, dates ({@code createdAt}, {@code levelSince}), how a level came about ({@code change})
     * and everything that quotes measurements (reasons, staff texts, basis), since a new result that
     * changes none of these must not make a new version.
     */
    boolean sameContent(Plan other) {
        return other != null && substance().equals(other.substance());
    }

    /** Null-tolerant: a version stored by older rules may lack a field. */
    private List<Object> substance() {
        return Arrays.asList(seniorLines,
                restrictions.stream().map(r -> Arrays.asList(r.code(), r.rule(), r.seniorText())).toList(),
                components.stream().map(c -> Arrays.asList(c.component(), c.frequency(), c.intensity(), c.time(),
                        c.type(), c.volume(), c.progression(), c.seniorLine(), c.homeExercises())).toList(),
                programs.stream().map(p -> Arrays.<Object>asList(p.code(), p.level(), p.minutes(), p.perWeek()))
                        .toList());
    }

    Plan withVersion(int version) {
        return new Plan(memberId, version, createdAt, ruleset, seniorLines, components, programs, restrictions, basis);
    }

    java.util.Optional<ProgramLevel> program(String code) {
        return programs.stream().filter(p -> Objects.equals(p.code(), code)).findFirst();
    }
}
