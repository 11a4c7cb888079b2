package kr.smartsenior.server.roster;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.card.CardIssuer;
import kr.smartsenior.server.ingest.MeasurementsStored;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MembersChanged;
import kr.smartsenior.server.mqtt.BrokerConnection;
import kr.smartsenior.server.site.SiteCreated;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes each site's {@link Roster}, retained, on the site-wide topic
 * {@code ssc/v1/{site}/all/roster} that every kiosk of the site reads: at start-up for every site, and
 * after every {@link MembersChanged}, {@link SiteCreated} and {@link RosterChanged}. A roster carries
 * member ids, display names, the hash of each current card token (never the token), card versions and,
 * when the prescription feature provides {@link KioskPrescriptions}, each member's prescription summary;
 * when the fitness feature provides {@link KioskResults}, each member's grade cut-offs and latest results.
 * New results ({@code ingest.MeasurementsStored}) rebuild their members' sites after
 * {@link #RESULTS_SETTLE_SECONDS} s (a visit's batches fold into one build), and a new year (the age the
 * cut-offs are for) rebuilds every site at the next refresh.
 *
 * <p>Work runs on one thread of its own, so rosters of a site go out in version order; events for a
 * site that arrive while one is being built are folded into the next build. A publish the broker did
 * not confirm is tried again after {@link #RETRY_SECONDS} s, and the last roster of every site is
 * published again every {@link #REFRESH_MINUTES} min (same version), so a broker that lost its retained
 * messages gets them back. Logs name sites, versions and counts, never members.
 */
@Component
public final class RosterPublisher extends BackgroundWorker {

    static final long RETRY_SECONDS = 5;
    static final long REFRESH_MINUTES = 30;
    /** New results wait this long for the rest of the visit's batches before their site's roster is built. */
    static final long RESULTS_SETTLE_SECONDS = 60;
    /**
     * A roster over the protocol's size limit is refused by every kiosk, so the results give way first:
     * the latest 3 results per test, then 1, then the cut-offs only, then none (docs/benchmarks.md).
     */
    static final int[] RESULTS_KEPT_WHEN_LARGE = {3, 1, 0, -1};

    private static final Logger log = LoggerFactory.getLogger(RosterPublisher.class);

    private final BrokerConnection connection;
    private final ProtocolCodec codec;
    private final SiteRepository sites;
    private final MemberDirectory members;
    private final CardIssuer cards;
    private final ObjectProvider<KioskPrescriptions> prescriptions;
    private final ObjectProvider<KioskResults> results;
    private final Clock clock;
    private final Map<String, Integer> builtForYear = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** Sites whose new results wait for the visit to settle; a change meanwhile is still built at once. */
    private final Set<String> settling = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> lastPublished = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            namedThread().daemon().factory());

    RosterPublisher(BrokerConnection connection, ProtocolCodec codec, SiteRepository sites, MemberDirectory members,
            CardIssuer cards, ObjectProvider<KioskPrescriptions> prescriptions, ObjectProvider<KioskResults> results,
            Clock clock) {
        super(Worker.ROSTER);
        this.connection = connection;
        this.codec = codec;
        this.sites = sites;
        this.members = members;
        this.cards = cards;
        this.prescriptions = prescriptions;
        this.results = results;
        this.clock = clock;
    }

    /** After the change is committed (or at once, when published outside a transaction). */
    @TransactionalEventListener(fallbackExecution = true)
    void onRosterChanged(RosterChanged event) {
        changed(event == null ? null : event.siteId());
    }

    /** A member, a card or an import: after the change is committed, like {@link #onRosterChanged}. */
    @TransactionalEventListener(fallbackExecution = true)
    void onMembersChanged(MembersChanged event) {
        changed(event == null ? null : event.siteId());
    }

    /** A new site's kiosks get an (empty) roster at once. */
    @TransactionalEventListener(fallbackExecution = true)
    void onSiteCreated(SiteCreated event) {
        changed(event == null ? null : event.siteId());
    }

    /**
     * New results: their members' sites are built again once the visit has settled, so "내 기록" shows
     * them. The ingest thread only hands the ids over; the sites are looked up on the roster's thread.
     */
    @EventListener
    void onMeasurementsStored(MeasurementsStored event) {
        if (event == null || event.memberIds().isEmpty() || results.getIfUnique() == null) {
            return;
        }
        try {
            worker.execute(() -> {
                Set<String> siteIds = new java.util.TreeSet<>();
                for (String memberId : event.memberIds()) {
                    members.find(memberId).ifPresent(senior -> siteIds.add(senior.siteId()));
                }
                for (String siteId : siteIds) {
                    if (settling.add(siteId)) {
                        worker.schedule(() -> {
                            settling.remove(siteId);
                            schedule(siteId, 0);
                        }, RESULTS_SETTLE_SECONDS, TimeUnit.SECONDS);
                    }
                }
            });
        } catch (RejectedExecutionException stopping) {
            // shutting down: the next start publishes every site
        }
    }

    private void changed(String siteId) {
        if (siteId != null && Topics.isValidId(siteId)) {
            schedule(siteId, 0);
        }
    }

    @Override
    protected void startWork() {
        for (String siteId : sites.ids()) {
            schedule(siteId, 0);
        }
        worker.scheduleWithFixedDelay(this::refresh, REFRESH_MINUTES, REFRESH_MINUTES, TimeUnit.MINUTES);
    }

    private void schedule(String siteId, long delaySeconds) {
        if (!pending.add(siteId)) {
            return; // a build for this site is already waiting and will see this change too
        }
        try {
            worker.schedule(() -> build(siteId), delaySeconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            pending.remove(siteId);
        }
    }

    private void build(String siteId) {
        pending.remove(siteId);
        try {
            Optional<Roster> roster = roster(siteId);
            if (roster.isEmpty()) {
                return; // no such site (any more)
            }
            Roster built = roster.get();
            byte[] payload = codec.encode(built);
            for (int latest : RESULTS_KEPT_WHEN_LARGE) {
                if (payload.length <= ProtocolCodec.MAX_PAYLOAD_BYTES) {
                    break;
                }
                // the results must never cost a site its roster: fewer of them, then only the cut-offs, then none
                built = keepingLatest(built, latest);
                payload = codec.encode(built);
                log.warn("roster of {} too large with every result; sent with {} ({} bytes)", siteId,
                        latest > 0 ? "the latest " + latest + " results per test" : latest == 0 ? "the cut-offs only"
                                : "no results", payload.length);
            }
            if (payload.length > ProtocolCodec.MAX_PAYLOAD_BYTES) {
                log.error("roster of {} is {} bytes, over the protocol's {}; kiosks would refuse it, not published",
                        siteId, payload.length, ProtocolCodec.MAX_PAYLOAD_BYTES);
                return;
            }
            lastPublished.put(siteId, payload);
            publish(siteId, payload, built.version(), built.members().size());
        } catch (RuntimeException e) {
            log.warn("could not build the roster of {} ({}); trying again in {} s", siteId, e.toString(), RETRY_SECONDS);
            schedule(siteId, RETRY_SECONDS);
        }
    }

    /** The site's roster under a new version, or empty when there is no such site. */
    Optional<Roster> roster(String siteId) {
        Optional<Long> version = sites.nextRosterVersion(siteId, clock.millis());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        KioskPrescriptions source = prescriptions.getIfUnique();
        KioskResults graded = results.getIfUnique();
        builtForYear.put(siteId, year());
        List<RosterEntry> entries = new ArrayList<>();
        for (MemberDirectory.CardHolder holder : members.cardHolders(siteId)) {
            String tokenHash = cards.token(holder.memberId(), holder.cardVersion()).hash();
            entries.add(new RosterEntry(holder.memberId(), holder.displayName(), tokenHash, holder.cardVersion(),
                    prescription(source, holder.memberId()), results(graded, holder.memberId())));
        }
        return Optional.of(new Roster(siteId, version.get(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                entries));
    }

    private static KioskPrescription prescription(KioskPrescriptions source, String memberId) {
        if (source == null) {
            return KioskPrescription.NONE;
        }
        try {
            KioskPrescription summary = source.forKiosk(memberId);
            return summary == null ? KioskPrescription.NONE : summary;
        } catch (RuntimeException e) {
            // one member's missing prescription must not keep the whole site from identifying
            log.warn("no prescription for member {} in the roster: {}", memberId, e.toString());
            return KioskPrescription.NONE;
        }
    }

    /** The roster with at most {@code latest} results per test (0: cut-offs only; below 0: no results at all). */
    static Roster keepingLatest(Roster roster, int latest) {
        return new Roster(roster.siteId(), roster.version(), roster.issuedAt(), roster.members().stream()
                .map(e -> new RosterEntry(e.memberId(), e.displayName(), e.tokenHash(), e.cardVersion(), e.prescription(),
                        latest < 0 ? MemberResults.NONE : e.results().keepingLatest(latest))).toList());
    }

    private static MemberResults results(KioskResults source, String memberId) {
        if (source == null) {
            return MemberResults.NONE;
        }
        try {
            MemberResults results = source.forKiosk(memberId);
            return results == null ? MemberResults.NONE : results;
        } catch (RuntimeException e) {
            // the kiosk then shows no band and no history for this member; everybody else is unaffected
            log.warn("no results for member {} in the roster: {}", memberId, e.toString());
            return MemberResults.NONE;
        }
    }

    /** The year the cut-offs are for: the kiosks' calendar year (a member's age changes with it). */
    private int year() {
        return java.time.LocalDate.now(clock.withZone(KioskResults.KIOSK_ZONE)).getYear();
    }

    private void publish(String siteId, byte[] payload, long version, int memberCount) {
        String topic = Topics.siteWide(siteId, Channel.ROSTER);
        connection.publish(topic, payload, Channel.QOS, true).whenComplete((ok, error) -> {
            if (error == null) {
                log.info("published roster {} of {}: {} members", version, siteId, memberCount);
            } else if (isRunning()) {
                log.warn("roster {} of {} not confirmed by the broker ({}); building it again in {} s", version, siteId,
                        error.toString(), RETRY_SECONDS);
                schedule(siteId, RETRY_SECONDS);
            }
        });
    }

    private void refresh() {
        int year = year();
        builtForYear.forEach((siteId, built) -> {
            if (built != year) {
                schedule(siteId, 0); // every member is a year older: new cut-offs
            }
        });
        if (!connection.isConnected()) {
            return;
        }
        lastPublished.forEach((siteId, payload) ->
                connection.publish(Topics.siteWide(siteId, Channel.ROSTER), payload, Channel.QOS, true));
    }

    @Override
    protected void stopWork() {
        worker.shutdownNow();
    }
}
