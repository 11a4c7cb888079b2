package kr.smartsenior.server.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.smartsenior.server.derived.WorkHandler;
import kr.smartsenior.server.derived.WorkKind;
import kr.smartsenior.server.fitness.Evaluator;
import kr.smartsenior.server.fitness.MeasurementHistory;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.member.MembersChanged;
import kr.smartsenior.server.screening.ScreeningRecorded;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.validation.KioskAgreements;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code alert} table in step with the records, on a thread of its own ({@code ssc-alerts}):
 * a member is derived afresh ({@link AlertRules}) when their new records have settled (the durable
 * derived-work queue, {@link #perform}, on the {@code ssc-derived} thread of one server instance), a
 * screening is stored, or their site's members change; a site's own alerts (tests not yet validated)
 * at most once a minute after its records change; and every member and site once at start-up and then
 * every {@code ssc.alert.sweep-every} (default an hour), since absence begins and an "unwell" answer
 * ages out with time alone. Listeners only note the work; nothing here blocks the ingest.
 */
@Component
final class AlertRefresher extends BackgroundWorker implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(AlertRefresher.class);
    /** A site's validation is read afresh at most this often (it scans the site's hand references). */
    static final Duration SITE_EVERY = Duration.ofSeconds(60);

    private final MemberDirectory members;
    private final SiteRepository sites;
    private final Evaluator evaluator;
    private final MeasurementHistory history;
    private final KioskAgreements agreements;
    private final AlertStore store;
    private final AlertRules rules;
    private final Clock clock;
    private final long sweepNanos;
    private final Set<String> pendingMembers = new LinkedHashSet<>();
    private final Set<String> pendingSites = new LinkedHashSet<>();
    private final Map<String, Long> siteDoneNanos = new HashMap<>();
    private final Set<String> pendingSiteMembers = new LinkedHashSet<>();
    private final Map<String, Long> siteMembersDoneNanos = new HashMap<>();
    /** When each site's last pass over its changed members started (only members changed since are derived). */
    private final Map<String, Instant> siteMembersPassAt = new HashMap<>();
    private boolean busy;
    private long nextSweepNanos;
    private long sweeps;
    private Thread thread;

    AlertRefresher(MemberDirectory members, SiteRepository sites, Evaluator evaluator, MeasurementHistory history,
            KioskAgreements agreements, AlertStore store, Clock clock,
            @Value("${ssc.alert.absence-days}") int absenceDays, @Value("${ssc.alert.sweep-every}") Duration sweepEvery) {
        super(Worker.ALERTS);
        if (absenceDays < 1 || absenceDays > 365) {
            throw new IllegalArgumentException("SSC_ALERT_ABSENCE_DAYS must be 1 to 365, not " + absenceDays);
        }
        if (sweepEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("SSC_ALERT_SWEEP_EVERY must be at least 1m, not " + sweepEvery);
        }
        this.members = members;
        this.sites = sites;
        this.evaluator = evaluator;
        this.history = history;
        this.agreements = agreements;
        this.store = store;
        this.rules = new AlertRules(Duration.ofDays(absenceDays));
        this.clock = clock;
        this.sweepNanos = sweepEvery.toNanos();
    }

    @Override
    public WorkKind kind() {
        return WorkKind.ALERTS;
    }

    /**
     * A member's new records, from the durable derived-work queue (noted in the storing transaction,
     * coalesced per visit by {@code ssc.alert.quiet-period}, at most {@code ssc.alert.max-delay}):
     * derived on the queue's thread, on whichever server instance took the row; a failure is thrown
     * back so the row is tried again.
     */
    @Override
    public void perform(String memberId) {
        refreshMember(memberId);
    }

    @EventListener
    void screeningRecorded(ScreeningRecorded event) {
        note(List.of(event.memberId()), List.of());
    }

    /**
     * A member of the site was registered, edited, moved or imported (the event does not say who):
     * the site's members are derived afresh, at most once a minute, so an import of hundreds is one
     * pass, not hundreds.
     */
    @EventListener
    void membersChanged(MembersChanged event) {
        synchronized (pendingMembers) {
            pendingSiteMembers.add(event.siteId());
            pendingMembers.notifyAll();
        }
    }

    private void note(java.util.Collection<String> memberIds, List<String> siteIds) {
        synchronized (pendingMembers) {
            pendingMembers.addAll(memberIds);
            pendingSites.addAll(siteIds);
            pendingMembers.notifyAll();
        }
    }

    /**
     * Waits until nothing is pending or being derived (tests and the benchmark: time the pages
     * without the refresh running beside them); false when it took longer than {@code timeout}.
     * Work held back for a site's once-a-minute limit counts as pending.
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (pendingMembers) {
            while (busy || !pendingMembers.isEmpty() || !pendingSites.isEmpty() || !pendingSiteMembers.isEmpty()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                pendingMembers.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** How many sweeps of every senior have finished (for tests and logs). */
    long sweeps() {
        synchronized (pendingMembers) {
            return sweeps;
        }
    }

    /** Derives this member's alerts now, on the caller's thread (tests, the benchmark's set-up). */
    void refreshMember(String memberId) {
        Optional<Senior> senior = members.find(memberId);
        if (senior.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // the rules look back on exercise and check records only for an "unwell" answer (7 days)
        List<Result> results = history.forEvaluation(memberId, now.minus(AlertRules.UNWELL_RECENT).minus(Duration.ofDays(1)));
        store.applyMember(memberId, rules.of(senior.get(), evaluator.evaluate(senior.get(), results, now), results, now));
        synchronized (pendingMembers) { // the site's own alerts may follow from these records
            pendingSites.add(senior.get().siteId());
            pendingMembers.notifyAll();
        }
    }

    /** Derives this site's own alerts now. */
    void refreshSite(String siteId) {
        store.applySite(siteId, AlertRules.ofSite(siteId, agreements.ofSite(siteId),
                store.measuredFallTests(siteId), clock.instant()));
    }

    /** Every member of every site, then every site (on the caller's thread). */
    void sweep() {
        for (String siteId : sites.ids()) {
            for (String memberId : members.idsAtSite(siteId)) {
                if (!isRunning() && thread != null) {
                    return;
                }
                refreshQuietly(memberId);
            }
            try {
                refreshSite(siteId);
            } catch (RuntimeException e) {
                log.error("site {}: alerts could not be derived; tried again at the next sweep", siteId, e);
            }
        }
    }

    @Override
    protected void startWork() {
        nextSweepNanos = System.nanoTime(); // the first sweep at once
        thread = namedThread().start(this::run);
    }

    private void run() {
        while (isRunning()) {
            List<String> due = new ArrayList<>();
            List<String> dueSites = new ArrayList<>();
            List<String> dueSiteMembers = new ArrayList<>();
            boolean sweepNow;
            synchronized (pendingMembers) {
                while (true) {
                    long now = System.nanoTime();
                    sweepNow = now - nextSweepNanos >= 0;
                    due.addAll(pendingMembers);
                    pendingMembers.clear();
                    long nextSite = Math.min(takeDue(pendingSites, siteDoneNanos, now, dueSites),
                            takeDue(pendingSiteMembers, siteMembersDoneNanos, now, dueSiteMembers));
                    if (!isRunning() || sweepNow || !due.isEmpty() || !dueSites.isEmpty() || !dueSiteMembers.isEmpty()) {
                        busy = true;
                        break;
                    }
                    long wait = Math.min(nextSite, nextSweepNanos - now);
                    try {
                        pendingMembers.wait(Math.max(1, Duration.ofNanos(wait).toMillis() + 1));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (!isRunning()) {
                return;
            }
            if (sweepNow) {
                long started = System.nanoTime();
                Instant sweepStarted = clock.instant();
                sweep();
                synchronized (pendingMembers) {
                    sweeps++;
                    nextSweepNanos = System.nanoTime() + sweepNanos;
                    long done = System.nanoTime();
                    sites.ids().forEach(s -> {
                        siteDoneNanos.put(s, done);
                        siteMembersDoneNanos.put(s, done);
                        siteMembersPassAt.put(s, sweepStarted);
                    });
                    pendingSites.clear(); // the sweep derived every site and member
                    pendingSiteMembers.clear();
                }
                log.info("alerts derived afresh for every senior in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
            for (String site : dueSiteMembers) {
                Instant started = clock.instant();
                Instant since = siteMembersPassAt.getOrDefault(site, Instant.EPOCH).minusSeconds(5);
                members.idsAtSiteChangedSince(site, since).forEach(this::refreshQuietly);
                synchronized (pendingMembers) {
                    siteMembersDoneNanos.put(site, System.nanoTime());
                    siteMembersPassAt.put(site, started);
                }
            }

            due.forEach(this::refreshQuietly);
            for (String site : dueSites) {
                try {
                    refreshSite(site);
                } catch (RuntimeException e) {
                    log.error("site {}: alerts could not be derived; tried again later", site, e);
                }
                synchronized (pendingMembers) {
                    siteDoneNanos.put(site, System.nanoTime());
                }
            }
            synchronized (pendingMembers) {
                busy = false;
                pendingMembers.notifyAll();
            }
        }
    }

    /**
     * Moves the sites whose last pass is at least {@link #SITE_EVERY} ago (or never) from
     * {@code pending} to {@code due}; returns the nanoseconds until the next of the others is due.
     */
    private static long takeDue(Set<String> pending, Map<String, Long> doneNanos, long now, List<String> due) {
        long next = Long.MAX_VALUE;
        for (var it = pending.iterator(); it.hasNext(); ) {
            String site = it.next();
            Long done = doneNanos.get(site);
            if (done == null || now - done >= SITE_EVERY.toNanos()) {
                due.add(site);
                it.remove();
            } else {
                next = Math.min(next, done + SITE_EVERY.toNanos() - now);
            }
        }
        return next;
    }

    private void refreshQuietly(String memberId) {
        try {
            refreshMember(memberId);
        } catch (RuntimeException e) {
            log.error("member {}: alerts could not be derived; tried again with the next record or sweep", memberId, e);
        }
    }

    @Override
    protected void stopWork() {
        synchronized (pendingMembers) {
            pendingMembers.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
