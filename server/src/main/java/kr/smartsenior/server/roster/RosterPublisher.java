package kr.smartsenior.server.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.card.CardIssuer;
import kr.smartsenior.server.derived.WorkHandler;
import kr.smartsenior.server.derived.WorkKind;
import kr.smartsenior.server.derived.WorkQueue;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes each site's {@link Roster}, retained, on the site-wide topic
 * {@code ssc/v1/{site}/all/roster} that every kiosk of the site reads: at start-up for every site, and
 * after every {@link MembersChanged}, {@link SiteCreated} and {@link RosterChanged}. A roster carries
 * member ids, display names, the hash of each current card token (never the token), card versions and,
 * when the prescription feature provides {@link KioskPrescriptions}, each member's prescription summary;
 * when the fitness feature provides {@link KioskResults}, each member's grade cut-offs and latest results.
 * New results rebuild their members' sites {@code ssc.roster.results-settle} (60 s) after the first of
 * them (a visit's batches fold into one build): the ingest notes the site in the durable derived-work
 * queue ({@code derived.WorkQueue}, decision 0037) in the transaction that stores the records. A new
 * year (the age the cut-offs are for) rebuilds every site at the next refresh.
 *
 * <p>Every build goes through that queue as a (ROSTER, site) row, so one build of a site runs at a
 * time across all server instances and rosters of a site go out in version order; changes that arrive
 * while one is waiting fold into it ({@code ssc.roster.quiet-period}, at most
 * {@code ssc.roster.max-delay}). A build whose publish the broker did not confirm fails and the queue
 * tries it again ({@link #RETRY_SECONDS} s, then longer), and the last roster this instance built of
 * every site is published again every {@link #REFRESH_MINUTES} min (same version, unless another
 * instance has built a newer one since), so a broker that lost its retained messages gets them back.
 * Logs name sites, versions and counts, never members.
 */
@Component
public final class RosterPublisher extends BackgroundWorker implements WorkHandler {

    static final long RETRY_SECONDS = 5;
    static final long REFRESH_MINUTES = 30;
    /** How long a build waits for the broker to confirm the publish before it counts as failed. */
    static final long CONFIRM_SECONDS = 10;
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
    private final WorkQueue queue;
    private final Map<String, Integer> builtForYear = new ConcurrentHashMap<>();
    /** The last roster this instance published of each site, and its version. */
    private record Published(long version, byte[] payload) {
    }

    private final Map<String, Published> lastPublished = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            namedThread().daemon().factory());

    RosterPublisher(BrokerConnection connection, ProtocolCodec codec, SiteRepository sites, MemberDirectory members,
            CardIssuer cards, ObjectProvider<KioskPrescriptions> prescriptions, ObjectProvider<KioskResults> results,
            Clock clock, WorkQueue queue) {
        super(Worker.ROSTER);
        this.queue = queue;
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

    private void changed(String siteId) {
        if (siteId != null && Topics.isValidId(siteId)) {
            try {
                queue.rosterChanged(siteId);
            } catch (RuntimeException e) { // the change itself is committed; the site's next change or start builds it
                log.error("roster of {}: could not note the change ({}); built with the site's next change or at the"
                        + " next start", siteId, e.toString());
            }
        }
    }

    @Override
    protected void startWork() {
        queue.enqueue(WorkKind.ROSTER, sites.ids(), Duration.ZERO, Duration.ZERO);
        worker.scheduleWithFixedDelay(this::refresh, REFRESH_MINUTES, REFRESH_MINUTES, TimeUnit.MINUTES);
    }

    @Override
    public WorkKind kind() {
        return WorkKind.ROSTER;
    }

    /**
     * Builds and publishes one site's roster, on the queue's thread, waiting for the broker to confirm
     * it; throws when it was not (the queue tries again later).
     */
    @Override
    public void perform(String siteId) throws Exception {
        if (!isRunning() || !connection.isConnected()) {
            throw new WorkHandler.NotReady("roster of " + siteId + ": not connected to the broker (yet)");
        }
        build(siteId);
    }

    private void build(String siteId) throws Exception {
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
        publish(siteId, payload, built.version(), built.members().size());
        lastPublished.put(siteId, new Published(built.version(), payload));
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

    private void publish(String siteId, byte[] payload, long version, int memberCount) throws Exception {
        String topic = Topics.siteWide(siteId, Channel.ROSTER);
        try {
            connection.publish(topic, payload, Channel.QOS, true).get(CONFIRM_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("roster {} of {} not confirmed by the broker ({}); built again later", version, siteId,
                    e.toString());
            throw e;
        }
        log.info("published roster {} of {}: {} members", version, siteId, memberCount);
    }

    private void refresh() {
        try {
            int year = year();
            List<String> older = new ArrayList<>();
            builtForYear.forEach((siteId, built) -> {
                if (built != year) {
                    older.add(siteId); // every member is a year older: new cut-offs
                }
            });
            queue.enqueue(WorkKind.ROSTER, older, Duration.ZERO, Duration.ZERO);
            if (!connection.isConnected()) {
                return;
            }
            lastPublished.forEach((siteId, last) -> {
                // another instance may have published a newer roster since: never put an older one back
                if (sites.rosterVersion(siteId).filter(v -> v == last.version()).isPresent()) {
                    connection.publish(Topics.siteWide(siteId, Channel.ROSTER), last.payload(), Channel.QOS, true);
                }
            });
        } catch (RuntimeException e) {
            log.warn("roster refresh failed ({}); tried again in {} min", e.toString(), REFRESH_MINUTES);
        }
    }

    @Override
    protected void stopWork() {
        worker.shutdownNow();
    }
}
