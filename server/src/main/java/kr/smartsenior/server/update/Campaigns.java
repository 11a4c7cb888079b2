package kr.smartsenior.server.update;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.protocol.UpdateCommand;
import kr.smartsenior.protocol.UpdateReport;
import kr.smartsenior.server.mqtt.BrokerConnection;
import kr.smartsenior.server.provisioning.ProvisionedDevices;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Update campaigns: made by an admin, carried out stage by stage by the rules of {@link CampaignPlan}, with
 * a retained {@link UpdateCommand} on each device's {@code update} topic and each kiosk's
 * {@link UpdateReport}s from its {@code update-status} topic. One campaign may be active (running or
 * paused) at a time, so a kiosk is never told two releases at once.
 *
 * <p>Threads: reports are decoded and applied on {@code ssc-updates} (the MQTT thread only enqueues), which
 * also looks at the running campaigns every {@link #TICK_SECONDS} s (to retry a command the broker did not
 * confirm); admin actions run on the request's thread. Every change of state is synchronized on this object.
 */
@Component
final class Campaigns extends BackgroundWorker {

    static final long TICK_SECONDS = 30;
    private static final long PUBLISH_WAIT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);

    private final CampaignRepository repository;
    private final Releases releases;
    private final ProvisionedDevices devices;
    private final SiteRepository sites;
    private final BrokerConnection broker;
    private final ProtocolCodec codec;
    private final Clock clock;
    private final ThreadPoolExecutor reports;
    private ScheduledExecutorService ticks;

    Campaigns(CampaignRepository repository, Releases releases, ProvisionedDevices devices, SiteRepository sites,
            BrokerConnection broker, ProtocolCodec codec, Clock clock) {
        super(Worker.UPDATES);
        this.repository = repository;
        this.releases = releases;
        this.devices = devices;
        this.sites = sites;
        this.broker = broker;
        this.codec = codec;
        this.clock = clock;
        this.reports = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(2000),
                namedThread().daemon().factory(), new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    /**
     * What an admin asks for.
     *
     * @param release the release's version
     * @param waves   rollout waves whose sites' kiosks take part (may be empty)
     * @param sites   sites whose kiosks take part besides (may be empty)
     * @param canary  a kiosk told first, alone, which must report HEALTHY before any other is told; null for none
     */
    record Request(String release, List<Integer> waves, List<String> sites, String canary) {

        Request {
            waves = waves == null ? List.of() : List.copyOf(waves);
            sites = sites == null ? List.of() : List.copyOf(sites);
            canary = canary == null || canary.isBlank() ? null : canary.strip();
        }
    }

    /** A campaign with its release, devices and how many are at each step. */
    record View(CampaignRepository.Campaign campaign, CampaignRepository.Release release, List<CampaignRepository.DeviceRow> devices,
            Map<DeviceStep, Integer> counts) {

        int finished() {
            return (int) devices.stream().filter(d -> d.step().finished()).count();
        }
    }

    // ---- admin actions ----

    synchronized View create(Request request, String baseUrl, String actor) {
        CampaignRepository.Release release = releases.find(request.release())
                .orElseThrow(() -> new InvalidFieldException("release", "올린 배포판 중에 " + NotFoundException.printable(request.release())
                        + "이(가) 없습니다."));
        if (!repository.active().isEmpty()) {
            throw new ConflictException("진행 중이거나 일시 정지한 배포가 있습니다. 그 배포를 끝내거나 중지한 뒤 새로 시작하세요.");
        }
        Map<String, Integer> stages = stages(request);
        long id = repository.nextCampaignId();
        long now = clock.millis();
        repository.insertCampaign(new CampaignRepository.Campaign(id, release.version(), CampaignState.RUNNING, null,
                describe(request), request.canary(), baseUrl, 0, now, actor, null));
        Map<String, ProvisionedDevices.Device> byId = new LinkedHashMap<>();
        devices.all().forEach(d -> byId.put(d.id(), d));
        stages.forEach((deviceId, stage) -> repository.insertDevice(id, deviceId, byId.get(deviceId).siteId(), stage, now));
        log.info("update campaign {} of {} to {} kiosks started by {} ({})", id, release.version(), stages.size(), actor,
                describe(request));
        advance(id);
        return view(id);
    }

    /** Each targeted device and its stage: 0 the canary, then one per chosen wave in order, then sites chosen alone. */
    private Map<String, Integer> stages(Request request) {
        Map<String, Site> siteById = new LinkedHashMap<>();
        sites.all().forEach(s -> siteById.put(s.id(), s));
        for (String siteId : request.sites()) {
            if (!siteById.containsKey(siteId)) {
                throw new InvalidFieldException("sites", "경로당 " + NotFoundException.printable(siteId) + "이(가) 없습니다.");
            }
        }
        List<Integer> waves = new ArrayList<>(new TreeSet<>(request.waves()));
        Set<String> chosenSites = new LinkedHashSet<>(request.sites());
        Map<String, Integer> stages = new LinkedHashMap<>();
        for (ProvisionedDevices.Device device : devices.all()) {
            if (!device.active()) {
                continue;
            }
            Site site = siteById.get(device.siteId());
            Integer wave = site == null ? null : site.wave();
            if (wave != null && waves.contains(wave)) {
                stages.put(device.id(), waves.indexOf(wave) + 1);
            } else if (chosenSites.contains(device.siteId())) {
                stages.put(device.id(), waves.size() + 1);
            }
        }
        if (request.canary() != null) {
            Optional<ProvisionedDevices.Device> canary = devices.find(request.canary()).filter(ProvisionedDevices.Device::active);
            if (canary.isEmpty()) {
                throw new InvalidFieldException("canary", "시범 기기 " + NotFoundException.printable(request.canary())
                        + "이(가) 없거나 폐기되었습니다.");
            }
            stages.put(canary.get().id(), 0);
        }
        if (stages.isEmpty()) {
            throw new InvalidFieldException("waves", "고른 보급 차수나 경로당에 등록된 기기가 없습니다.");
        }
        return stages;
    }

    private static String describe(Request request) {
        List<String> parts = new ArrayList<>();
        if (!request.waves().isEmpty()) {
            parts.add(String.join(", ", new TreeSet<>(request.waves()).stream().map(w -> w + "차").toList()));
        }
        if (!request.sites().isEmpty()) {
            parts.add("경로당 " + String.join(", ", request.sites()));
        }
        String text = String.join(" · ", parts);
        if (request.canary() != null) {
            text = "시범 기기 " + request.canary() + (text.isEmpty() ? "" : " → " + text);
        }
        return text.length() > 500 ? text.substring(0, 499) + "…" : text;
    }

    /** Tells no more devices; withdraws the command of those told that have not begun. */
    synchronized View pause(long id, String actor) {
        CampaignRepository.Campaign campaign = require(id);
        if (campaign.state() != CampaignState.RUNNING) {
            throw new ConflictException("진행 중인 배포만 일시 정지할 수 있습니다 (지금: " + campaign.state().korean() + ").");
        }
        repository.setState(id, CampaignState.PAUSED, "관리자 " + actor + "이(가) 일시 정지했습니다.", null);
        long now = clock.millis();
        for (CampaignRepository.DeviceRow device : repository.devices(id)) {
            if (device.step() == DeviceStep.TOLD) {
                clear(device);
                repository.setStep(id, device.deviceId(), DeviceStep.WAITING, null, null, null, now);
            }
        }
        log.info("update campaign {} paused by {}", id, actor);
        return view(id);
    }

    /** Goes on after a pause, accepting the failures so far (a halt is a pause with a reason). */
    synchronized View resume(long id, String actor) {
        CampaignRepository.Campaign campaign = require(id);
        if (campaign.state() != CampaignState.PAUSED) {
            throw new ConflictException("일시 정지한 배포만 계속할 수 있습니다 (지금: " + campaign.state().korean() + ").");
        }
        int failures = (int) repository.devices(id).stream().filter(d -> d.step().failed()).count();
        repository.acceptFailures(id, failures);
        repository.setState(id, CampaignState.RUNNING, null, null);
        log.info("update campaign {} resumed by {} past {} failures", id, actor, failures);
        advance(id);
        return view(id);
    }

    /** Ends the campaign: devices that have not begun never will; every command is withdrawn. */
    synchronized View stop(long id, String actor) {
        CampaignRepository.Campaign campaign = require(id);
        if (!campaign.state().active()) {
            throw new ConflictException("이미 끝난 배포입니다 (" + campaign.state().korean() + ").");
        }
        long now = clock.millis();
        // a halt's reason stays readable after the stop: why it stopped is the first thing asked later
        String stopped = "관리자 " + actor + "이(가) 중지했습니다.";
        repository.setState(id, CampaignState.STOPPED, campaign.stateReason() == null || campaign.state() == CampaignState.RUNNING
                ? stopped : campaign.stateReason() + " → " + stopped, now);
        for (CampaignRepository.DeviceRow device : repository.devices(id)) {
            clear(device);
            if (device.step() == DeviceStep.WAITING || device.step() == DeviceStep.TOLD) {
                repository.setStep(id, device.deviceId(), DeviceStep.CANCELLED, null, null, null, now);
            }
        }
        log.info("update campaign {} stopped by {}", id, actor);
        return view(id);
    }

    View view(long id) {
        CampaignRepository.Campaign campaign = require(id);
        List<CampaignRepository.DeviceRow> rows = repository.devices(id);
        Map<DeviceStep, Integer> counts = new EnumMap<>(DeviceStep.class);
        rows.forEach(row -> counts.merge(row.step(), 1, Integer::sum));
        return new View(campaign, repository.release(campaign.releaseVersion()).orElseThrow(), rows, counts);
    }

    List<CampaignRepository.Campaign> all() {
        return repository.campaigns();
    }

    private CampaignRepository.Campaign require(long id) {
        return repository.campaign(id).orElseThrow(() -> new NotFoundException("no update campaign " + id));
    }

    // ---- carrying it out ----

    /** Applies the plan: tells the next devices, halts on a new failure, ends when all finished. */
    private void advance(long id) {
        CampaignRepository.Campaign campaign = require(id);
        List<CampaignRepository.DeviceRow> rows = repository.devices(id);
        CampaignPlan.Decision decision = CampaignPlan.next(campaign.state(), campaign.failuresAccepted(),
                rows.stream().map(CampaignRepository.DeviceRow::planned).toList());
        if (decision.halt() != null) {
            repository.setState(id, CampaignState.PAUSED, decision.halt(), null);
            log.warn("update campaign {} halted: {}", id, decision.halt());
            return;
        }
        if (decision.done()) {
            repository.setState(id, CampaignState.DONE, null, clock.millis());
            rows.forEach(this::clear);
            log.info("update campaign {} done: {} kiosks", id, rows.size());
            return;
        }
        if (decision.tell().isEmpty()) {
            return;
        }
        CampaignRepository.Release release = repository.release(campaign.releaseVersion()).orElseThrow();
        Map<String, CampaignRepository.DeviceRow> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.deviceId(), row));
        Map<String, CompletableFuture<Void>> sent = new LinkedHashMap<>();
        for (String deviceId : decision.tell()) {
            CampaignRepository.DeviceRow row = byId.get(deviceId);
            sent.put(deviceId, send(row, codec.encode(command(campaign, release))));
        }
        for (Map.Entry<String, CompletableFuture<Void>> entry : sent.entrySet()) {
            try {
                entry.getValue().get(PUBLISH_WAIT_SECONDS, TimeUnit.SECONDS);
                repository.told(id, entry.getKey(), clock.millis());
            } catch (ExecutionException | TimeoutException e) {
                log.warn("the update command for {} was not confirmed by the broker ({}); it is sent again within {} s",
                        entry.getKey(), e.getMessage(), TICK_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private UpdateCommand command(CampaignRepository.Campaign campaign, CampaignRepository.Release release) {
        return command(campaign, release, clock);
    }

    /** The command a campaign publishes for its release: where to fetch it, and what it must hash to. */
    static UpdateCommand command(CampaignRepository.Campaign campaign, CampaignRepository.Release release, Clock clock) {
        String base = campaign.baseUrl() + "/updates/bundles/" + release.version();
        return new UpdateCommand(campaign.id(), release.version(), base + "/bundle", base + "/signature", release.sha256(),
                release.sizeBytes(), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)));
    }

    private CompletableFuture<Void> send(CampaignRepository.DeviceRow device, byte[] payload) {
        try {
            return broker.publish(Topics.of(device.siteId(), device.deviceId(), Channel.UPDATE), payload, Channel.QOS, true);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** An empty retained message removes the command from the broker. */
    private void clear(CampaignRepository.DeviceRow device) {
        send(device, new byte[0]).exceptionally(e -> {
            log.warn("could not withdraw the update command of {}: {}", device.deviceId(), e.toString());
            return null;
        });
    }

    /** A kiosk's report, on {@code ssc-updates}. */
    synchronized void apply(Topics.Address from, UpdateReport report) {
        Optional<CampaignRepository.DeviceRow> found = repository.device(report.campaignId(), from.deviceId());
        if (found.isEmpty() || !found.get().siteId().equals(from.siteId())) {
            log.debug("an update report of {}/{} for campaign {} it is not part of", from.siteId(), from.deviceId(),
                    report.campaignId());
            return;
        }
        CampaignRepository.DeviceRow row = found.get();
        DeviceStep step = DeviceStep.of(report.step());
        DeviceStep current = row.step();
        if (current.finished() && current != DeviceStep.CANCELLED || step == current
                || current.underway() && step.ordinal() < current.ordinal()) {
            return; // a repeated or older report: the retained one comes again after every reconnect
        }
        repository.setStep(row.campaignId(), row.deviceId(), step, report.problem() == null ? null : report.problem().name(),
                report.detail(), report.runningVersion(), clock.millis());
        if (step.finished()) {
            log.info("kiosk {}/{} finished update campaign {}: {}{}", from.siteId(), from.deviceId(), row.campaignId(), step,
                    report.problem() == null ? "" : " (" + report.problem() + ")");
        }
        advance(row.campaignId());
    }

    private void received(String topic, byte[] payload) {
        Optional<Topics.Address> from = Topics.parse(topic);
        if (from.isEmpty() || payload == null || payload.length == 0) {
            return;
        }
        switch (codec.decodeUpdateReport(payload)) {
            case Decoded.Ok<UpdateReport>(UpdateReport report) -> apply(from.get(), report);
            case Decoded.Malformed<UpdateReport>(String reason) ->
                    log.warn("a malformed update report from {}/{}: {}", from.get().siteId(), from.get().deviceId(), reason);
        }
    }

    /**
     * At start: the commands of kiosks told and not yet answering are published again, in case the broker lost
     * its retained messages (a kiosk takes one campaign once, so a repeat costs nothing).
     */
    synchronized void tellAgain() {
        for (CampaignRepository.Campaign campaign : repository.active()) {
            if (campaign.state() != CampaignState.RUNNING) {
                continue;
            }
            CampaignRepository.Release release = repository.release(campaign.releaseVersion()).orElseThrow();
            byte[] payload = codec.encode(command(campaign, release));
            repository.devices(campaign.id()).stream().filter(d -> d.step() == DeviceStep.TOLD)
                    .forEach(d -> send(d, payload).exceptionally(e -> {
                        log.warn("could not tell {} again: {}", d.deviceId(), e.toString());
                        return null;
                    }));
        }
    }

    /** Looks at every running campaign again: commands the broker did not confirm are sent again. */
    synchronized void tick() {
        for (CampaignRepository.Campaign campaign : repository.active()) {
            advance(campaign.id());
        }
    }

    @Override
    protected void startWork() {
        broker.subscribe(Topics.everyDevice(Channel.UPDATE_STATUS), (topic, payload, at) -> {
            try {
                reports.execute(() -> guarded(() -> received(topic, payload)));
            } catch (RejectedExecutionException e) {
                log.debug("update report dropped while stopping");
            }
        });
        ticks = Executors.newSingleThreadScheduledExecutor(namedThread().daemon().factory());
        reports.execute(() -> guarded(this::tellAgain));
        ticks.scheduleWithFixedDelay(() -> reports.execute(() -> guarded(this::tick)), 1, TICK_SECONDS, TimeUnit.SECONDS);
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("update campaigns: unexpected failure", e);
        }
    }

    @Override
    protected void stopWork() {
        if (ticks != null) {
            ticks.shutdownNow();
        }
        reports.shutdown();
        try {
            reports.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
