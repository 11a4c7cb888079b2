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
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.card.CardIssuer;
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
 * when the prescription feature provides {@link KioskPrescriptions}, each member's prescription summary.
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

    private static final Logger log = LoggerFactory.getLogger(RosterPublisher.class);

    private final BrokerConnection connection;
    private final ProtocolCodec codec;
    private final SiteRepository sites;
    private final MemberDirectory members;
    private final CardIssuer cards;
    private final ObjectProvider<KioskPrescriptions> prescriptions;
    private final Clock clock;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> lastPublished = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            namedThread().daemon().factory());

    RosterPublisher(BrokerConnection connection, ProtocolCodec codec, SiteRepository sites, MemberDirectory members,
            CardIssuer cards, ObjectProvider<KioskPrescriptions> prescriptions, Clock clock) {
        super(Worker.ROSTER);
        this.connection = connection;
        this.codec = codec;
        this.sites = sites;
        this.members = members;
        this.cards = cards;
        this.prescriptions = prescriptions;
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
            byte[] payload = codec.encode(roster.get());
            if (payload.length > ProtocolCodec.MAX_PAYLOAD_BYTES) {
                log.error("roster of {} is {} bytes, over the protocol's {}; kiosks would refuse it, not published",
                        siteId, payload.length, ProtocolCodec.MAX_PAYLOAD_BYTES);
                return;
            }
            lastPublished.put(siteId, payload);
            publish(siteId, payload, roster.get().version(), roster.get().members().size());
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
        List<RosterEntry> entries = new ArrayList<>();
        for (MemberDirectory.CardHolder holder : members.cardHolders(siteId)) {
            String tokenHash = cards.token(holder.memberId(), holder.cardVersion()).hash();
            entries.add(new RosterEntry(holder.memberId(), holder.displayName(), tokenHash, holder.cardVersion(),
                    prescription(source, holder.memberId())));
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
