package kr.smartsenior.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A member's current exercise prescription as the kiosk shows and applies it offline, carried in
 * the roster ({@link RosterEntry#prescription()}): short Korean lines for the senior, the kiosk
 * programs with their levels, and the safety restrictions. The server writes it; the kiosk reads
 * it. {@link #NONE} (on the wire {@code {}}) means nothing is prescribed yet.
 *
 * <pre>{@code
 * {"version": 3, "issuedAt": "2026-11-21T01:00:00Z",
 *  "lines": ["넘어질 위험이 있어 ...", "빠르게 걷기를 ..."],
 *  "programs": [{"code": "STEP_JUMP", "name": "스텝 & 점프", "level": 1, "minutes": 10, "perWeek": 3}],
 *  "restrictions": [{"code": "SAFE-FALL-HIGH", "text": "넘어질 위험이 있어 ..."}]}
 * }</pre>
 *
 * <p>Read leniently ({@link ProtocolCodec#decodeRoster}): a program this build does not know, or one
 * with a malformed level, is left out; a restriction it cannot read becomes
 * {@link RestrictionCode#UNKNOWN}, which limits as much as low intensity with support.
 *
 * @param version      the prescription's version for this member (0 for {@link #NONE})
 * @param issuedAt     when the server made this version, or null for {@link #NONE}
 * @param lines        what the senior reads, in order (restrictions first)
 * @param programs     the kiosk programs prescribed, in the server's order
 * @param restrictions the safety restrictions in force
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonDeserialize(using = PrescriptionReader.class)
public record KioskPrescription(@JsonInclude(JsonInclude.Include.NON_DEFAULT) long version, OffsetDateTime issuedAt,
        List<String> lines, List<Program> programs, List<Restriction> restrictions) {

    /** Nothing prescribed yet: no program is offered. */
    public static final KioskPrescription NONE = new KioskPrescription(0, null, List.of(), List.of(), List.of());

    public KioskPrescription {
        lines = lines == null ? List.of() : List.copyOf(lines);
        programs = programs == null ? List.of() : List.copyOf(programs);
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }

    /** The restriction codes in force. */
    @JsonIgnore
    public Set<RestrictionCode> restrictionCodes() {
        Set<RestrictionCode> codes = EnumSet.noneOf(RestrictionCode.class);
        restrictions.forEach(r -> codes.add(r.code()));
        return codes;
    }

    /** The prescribed entry for a kiosk program, if any. */
    public Optional<Program> program(MeasurementCode code) {
        return programs.stream().filter(p -> p.code() == code).findFirst();
    }

    /**
     * One kiosk program as prescribed.
     *
     * @param code    the program's catalogue code ({@code STEP_JUMP}, {@code BALANCE}, {@code INTERVAL})
     * @param name    its Korean name
     * @param level   1 to {@link RestrictionCode#MAX_LEVEL}
     * @param minutes minutes per session
     * @param perWeek sessions a week
     */
    public record Program(MeasurementCode code, String name, int level, int minutes, int perWeek) {

        public Program {
            if (code == null || code.kind() != RecordKind.EXERCISE) {
                throw new IllegalArgumentException("not a kiosk program: " + code);
            }
            if (level < 1 || level > RestrictionCode.MAX_LEVEL) {
                throw new IllegalArgumentException(code + " level " + level + " is not 1-" + RestrictionCode.MAX_LEVEL);
            }
            name = name == null || name.isBlank() ? code.koreanName() : name;
        }
    }

    /**
     * One safety restriction.
     *
     * @param code what it limits
     * @param text the sentence the senior reads
     */
    public record Restriction(RestrictionCode code, String text) {

        public Restriction {
            code = code == null ? RestrictionCode.UNKNOWN : code;
            text = text == null ? "" : text;
        }
    }
}
