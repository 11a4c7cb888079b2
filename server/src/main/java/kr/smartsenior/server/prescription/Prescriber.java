package kr.smartsenior.server.prescription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kr.smartsenior.server.fitness.Evaluation;
import kr.smartsenior.server.fitness.Evaluator;
import kr.smartsenior.server.fitness.MeasurementHistory;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.roster.RosterChanged;
import kr.smartsenior.server.screening.ScreeningStatus;
import kr.smartsenior.server.screening.Screenings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates a member and stores a new prescription version when the plan changed, then
 * announces {@link RosterChanged} for the member's site (after the insert has committed).
 * Thread-safe: refreshes of one member are serialised; when another server instance took the
 * same version first, the insert stores nothing and the member is prescribed again.
 */
@Component
public final class Prescriber {

    private static final Logger log = LoggerFactory.getLogger(Prescriber.class);
    private static final int LOCK_STRIPES = 64;
    /** Another server instance may take a version number between our read and our insert. */
    private static final int ATTEMPTS = 3;

    private final MemberDirectory members;
    private final MeasurementHistory history;
    private final Evaluator evaluator;
    private final Screenings screenings;
    private final PrescriptionStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];

    Prescriber(MemberDirectory members, MeasurementHistory history, Evaluator evaluator, Screenings screenings,
            PrescriptionStore store, ApplicationEventPublisher events, Clock clock) {
        this.members = members;
        this.history = history;
        this.evaluator = evaluator;
        this.screenings = screenings;
        this.store = store;
        this.events = events;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Re-prescribes one member; the new version if the plan changed (then RosterChanged is published). */
    public Optional<Plan> refresh(String memberId) {
        Optional<Plan> created = refreshQuietly(memberId);
        created.flatMap(plan -> members.find(plan.memberId()))
                .ifPresent(senior -> events.publishEvent(new RosterChanged(senior.siteId())));
        return created;
    }

    /** Re-prescribes every member of a site, then announces the site once if anything changed. */
    public int refreshSite(String siteId) {
        int changed = 0;
        for (String memberId : members.idsAtSite(siteId)) {
            if (refreshQuietly(memberId).isPresent()) {
                changed++;
            }
        }
        if (changed > 0) {
            events.publishEvent(new RosterChanged(siteId));
        }
        return changed;
    }

    private Optional<Plan> refreshQuietly(String memberId) {
        synchronized (locks[Math.floorMod(memberId.hashCode(), LOCK_STRIPES)]) {
            Optional<Senior> senior = members.find(memberId);
            if (senior.isEmpty()) {
                return Optional.empty();
            }
            for (int attempt = 1; ; attempt++) {
                Outcome outcome = prescribe(senior.get());
                if (!outcome.raced()) {
                    return Optional.ofNullable(outcome.created());
                }
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("member " + memberId + ": prescription version taken "
                            + ATTEMPTS + " times in a row by other writers");
                }
                log.info("member {}: prescription version taken by another writer; prescribing again", memberId);
            }
        }
    }

    /** {@code raced}: another writer took the version, try again; else the new version or null if unchanged. */
    private record Outcome(boolean raced, Plan created) {
    }

    /**
     * How far back the prescription rules read exercise and check records: to the time each current
     * program's level was set (progression looks at the sessions and efforts since), and at least the
     * adherence window. Tests are read whole ({@link MeasurementHistory#forEvaluation}).
     */
    static Instant lookBack(Optional<Plan> previous, OffsetDateTime now) {
        Instant from = now.toInstant().minus(PrescriptionRules.ADHERENCE_WINDOW).minus(Duration.ofDays(1));
        for (Plan.ProgramLevel program : previous.map(Plan::programs).orElse(List.of())) {
            if (program.levelSince() != null && program.levelSince().toInstant().isBefore(from)) {
                from = program.levelSince().toInstant();
            }
        }
        return from;
    }

    private Outcome prescribe(Senior senior) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Optional<Plan> previous = store.current(senior.id());
        List<Result> results = history.forEvaluation(senior.id(), lookBack(previous, now));
        Evaluation evaluation = evaluator.evaluate(senior, results, now.toInstant());
        ScreeningStatus screening = screenings.status(senior.id());
        Plan plan = PrescriptionRules.prescribe(evaluation, screening, results, previous, now);
        if (plan.sameContent(previous.orElse(null))) {
            return new Outcome(false, null);
        }
        Plan stored = plan.withVersion(previous.map(Plan::version).orElse(0) + 1);
        if (!store.insert(stored, senior.siteId())) {
            return new Outcome(true, null);
        }
        log.info("member {}: prescription version {} ({} programs, {} restrictions)", senior.id(), stored.version(),
                stored.programs().size(), stored.restrictions().size());
        return new Outcome(false, stored);
    }
}
