package kr.smartsenior.edge.exercise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a member may exercise today, read from their prescription as the roster carries it
 * (docs/protocol.md, "Roster"): {@code programs: [{code, name, level, minutes, perWeek}]} and
 * {@code restrictions: [{code, text}]}.
 *
 * <p>Rules (the server already applies them; the kiosk checks again, so a stale or hand-made roster
 * cannot open more than is safe):
 * <ul>
 *   <li>a program not listed is not offered; no prescription at all offers nothing;
 *   <li>intervals never when a restriction forbids vigorous exercise ({@link #NO_INTERVAL});
 *   <li>{@code SAFE-BP-SEVERE} offers nothing;
 *   <li>low-intensity and high-fall-risk restrictions cap step &amp; jump at level
 *       {@value #LOW_STEP_JUMP_CAP} and balance at {@value #LOW_BALANCE_CAP};
 *   <li>a fall-risk restriction means every program is done holding on ({@link #SUPPORT}).
 * </ul>
 * Malformed entries are skipped and logged; the good ones around them still count.
 */
public final class ExercisePlan {

    /** Restrictions under which intervals are never offered. */
    public static final Set<String> NO_INTERVAL = Set.of("SAFE-BP-SEVERE", "SAFE-BP-HIGH", "SAFE-FALL-HIGH",
            "LOW_INTENSITY_ONLY", "SAFE-INTERVAL-UNTESTED");
    /** Restrictions under which nothing is offered at the kiosk. */
    public static final Set<String> NOTHING = Set.of("SAFE-BP-SEVERE");
    /** Restrictions that cap the levels. */
    public static final Set<String> LOW_LEVELS = Set.of("LOW_INTENSITY_ONLY", "SAFE-FALL-HIGH");
    /** Restrictions that require holding on to a chair or rail. */
    public static final Set<String> SUPPORT = Set.of("SAFE-FALL-SUPPORT", "SAFE-FALL-HIGH");
    static final int LOW_STEP_JUMP_CAP = 1;
    static final int LOW_BALANCE_CAP = 2;
    static final int MIN_MINUTES = 1;
    static final int MAX_MINUTES = 60;
    /** When the prescription gives no minutes. */
    static final int DEFAULT_MINUTES = 10;

    private static final Logger log = LoggerFactory.getLogger(ExercisePlan.class);

    private final List<ExerciseOffer> offers;
    private final Set<String> restrictions;

    private ExercisePlan(List<ExerciseOffer> offers, Set<String> restrictions) {
        this.offers = List.copyOf(offers);
        this.restrictions = Set.copyOf(restrictions);
    }

    /** Reads a roster prescription map; null or empty means nothing is prescribed. */
    public static ExercisePlan from(Map<String, ?> prescription) {
        if (prescription == null || prescription.isEmpty()) {
            return new ExercisePlan(List.of(), Set.of());
        }
        Set<String> restrictions = restrictionCodes(prescription.get("restrictions"));
        boolean support = restrictions.stream().anyMatch(SUPPORT::contains);
        boolean low = restrictions.stream().anyMatch(LOW_LEVELS::contains);
        boolean nothing = restrictions.stream().anyMatch(NOTHING::contains);
        boolean noInterval = restrictions.stream().anyMatch(NO_INTERVAL::contains);
        List<ExerciseOffer> offers = new ArrayList<>();
        Set<Program> seen = new LinkedHashSet<>();
        if (prescription.get("programs") instanceof List<?> programs) {
            for (Object entry : programs) {
                offer(entry, support, low).ifPresent(offer -> {
                    if (nothing || (offer.program() == Program.INTERVAL && noInterval)) {
                        log.info("{} is prescribed but a restriction forbids it now; not offered", offer.program());
                    } else if (seen.add(offer.program())) {
                        offers.add(offer);
                    }
                });
            }
        } else if (prescription.containsKey("programs")) {
            log.warn("the prescription's programs are not a list; nothing offered");
        }
        return new ExercisePlan(offers, restrictions);
    }

    private static Optional<ExerciseOffer> offer(Object entry, boolean support, boolean low) {
        if (!(entry instanceof Map<?, ?> map)) {
            log.warn("a prescribed program is not an object; skipped");
            return Optional.empty();
        }
        Optional<Program> program = map.get("code") instanceof String code ? Program.of(code) : Optional.empty();
        if (program.isEmpty()) {
            log.warn("prescribed program '{}' is not one the kiosk knows; skipped", map.get("code"));
            return Optional.empty();
        }
        Integer level = whole(map.get("level"));
        if (level == null || level < 1 || level > Program.MAX_LEVEL) {
            log.warn("prescribed {} has level '{}', not 1-{}; skipped", program.get(), map.get("level"), Program.MAX_LEVEL);
            return Optional.empty();
        }
        Integer minutes = whole(map.get("minutes"));
        if (minutes == null || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            if (map.get("minutes") != null) {
                log.warn("prescribed {} has minutes '{}'; using {}", program.get(), map.get("minutes"), DEFAULT_MINUTES);
            }
            minutes = DEFAULT_MINUTES;
        }
        int capped = level;
        if (low) {
            capped = switch (program.get()) {
                case STEP_JUMP -> Math.min(level, LOW_STEP_JUMP_CAP);
                case BALANCE -> Math.min(level, LOW_BALANCE_CAP);
                case INTERVAL -> level;
            };
            if (capped != level) {
                log.warn("prescribed {} at level {} under a low-intensity restriction; capped at {}", program.get(), level,
                        capped);
            }
        }
        return Optional.of(new ExerciseOffer(program.get(), capped, minutes, support));
    }

    private static Integer whole(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        return null;
    }

    private static Set<String> restrictionCodes(Object value) {
        Set<String> codes = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("code") instanceof String code) {
                    codes.add(code);
                } else {
                    log.warn("a restriction without a code; treated as forbidding intervals");
                    codes.add("LOW_INTENSITY_ONLY");
                }
            }
        } else if (value != null) {
            log.warn("the prescription's restrictions are not a list; treated as low intensity only");
            codes.add("LOW_INTENSITY_ONLY");
        }
        return codes;
    }

    /** The programs offered, in the prescription's order; empty when nothing is prescribed or allowed. */
    public List<ExerciseOffer> offers() {
        return offers;
    }

    public Optional<ExerciseOffer> offer(Program program) {
        return offers.stream().filter(o -> o.program() == program).findFirst();
    }

    /** The restriction codes the prescription carries. */
    public Set<String> restrictions() {
        return restrictions;
    }
}
