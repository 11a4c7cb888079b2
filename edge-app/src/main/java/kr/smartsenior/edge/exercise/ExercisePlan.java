package kr.smartsenior.edge.exercise;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.RestrictionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a member may exercise today, from their prescription as the roster carries it
 * ({@link KioskPrescription}, docs/protocol.md "Roster").
 *
 * <p>The server already applied the restrictions when it set the levels; the kiosk applies the same
 * limits again ({@link RestrictionCode#levelCap}, one table for both sides), so a stale or hand-made
 * roster can never open more than is safe:
 * <ul>
 *   <li>a program not listed is not offered; no prescription at all offers nothing;
 *   <li>a program a restriction forbids (level cap 0) is not offered: intervals under low intensity,
 *       high blood pressure, a fall risk that is not low (or not tested); nothing at all under severe
 *       blood pressure;
 *   <li>levels above a restriction's cap are lowered to it: step &amp; jump stays below the levels with
 *       jumps unless the senior answered "no" to the bone question ({@link RestrictionCode#NO_JUMPS});
 *   <li>a restriction that asks for support (fall risk, or one this kiosk does not know) means every
 *       program is done holding on.
 * </ul>
 * The roster's reader already left out programs it could not read and turned unreadable
 * restrictions into {@link RestrictionCode#UNKNOWN}, the safe side.
 */
public final class ExercisePlan {

    static final int MIN_MINUTES = 1;
    static final int MAX_MINUTES = 60;
    /** When the prescription gives no minutes, or minutes outside 1-60. */
    static final int DEFAULT_MINUTES = 10;

    private static final Logger log = LoggerFactory.getLogger(ExercisePlan.class);

    private final List<ExerciseOffer> offers;
    private final Set<RestrictionCode> restrictions;

    private ExercisePlan(List<ExerciseOffer> offers, Set<RestrictionCode> restrictions) {
        this.offers = List.copyOf(offers);
        this.restrictions = restrictions.isEmpty() ? Set.of() : EnumSet.copyOf(restrictions);
    }

    /** Reads a roster prescription; null or {@link KioskPrescription#NONE} offers nothing. */
    public static ExercisePlan from(KioskPrescription prescription) {
        if (prescription == null) {
            return new ExercisePlan(List.of(), Set.of());
        }
        Set<RestrictionCode> restrictions = prescription.restrictionCodes();
        boolean support = restrictions.stream().anyMatch(RestrictionCode::withSupport);
        List<ExerciseOffer> offers = new ArrayList<>();
        Set<Program> seen = EnumSet.noneOf(Program.class);
        for (KioskPrescription.Program prescribed : prescription.programs()) {
            Optional<Program> program = Program.of(prescribed.code());
            if (program.isEmpty() || !seen.add(program.get())) {
                continue;
            }
            int cap = restrictions.stream().mapToInt(r -> r.levelCap(prescribed.code())).min()
                    .orElse(RestrictionCode.MAX_LEVEL);
            if (cap == 0) {
                log.info("{} is prescribed but a restriction forbids it now; not offered", program.get());
                continue;
            }
            int level = Math.min(prescribed.level(), cap);
            if (level != prescribed.level()) {
                log.warn("prescribed {} at level {} under a restriction capping it at {}; capped", program.get(),
                        prescribed.level(), cap);
            }
            int minutes = prescribed.minutes();
            if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
                log.warn("prescribed {} has minutes '{}'; using {}", program.get(), minutes, DEFAULT_MINUTES);
                minutes = DEFAULT_MINUTES;
            }
            offers.add(new ExerciseOffer(program.get(), level, minutes, support));
        }
        return new ExercisePlan(offers, restrictions);
    }

    /** The programs offered, in the prescription's order; empty when nothing is prescribed or allowed. */
    public List<ExerciseOffer> offers() {
        return offers;
    }

    public Optional<ExerciseOffer> offer(Program program) {
        return offers.stream().filter(o -> o.program() == program).findFirst();
    }

    /** The restrictions the prescription carries. */
    public Set<RestrictionCode> restrictions() {
        return restrictions;
    }
}
