package kr.smartsenior.server.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import kr.smartsenior.server.mqtt.BrokerConnection;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes, revokes and renews device identities. A new device gets a random password of its own;
 * only its Mosquitto hash is stored, the broker's files are rewritten and reloaded before the
 * answer goes back, so the kiosk can connect as soon as the bundle is on it.
 */
@Component
final class Provisioning {

    static final int PASSWORD_LENGTH = 24;
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final String GENERATED_ID_PREFIX = "kiosk-";
    private static final int GENERATED_ID_LENGTH = 6;
    private static final int GENERATED_ID_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(Provisioning.class);

    private final ProvisionedDevices devices;
    private final SiteRepository sites;
    private final BrokerAccess brokerAccess;
    private final ProvisioningProperties settings;
    private final BrokerConnection broker;
    private final ObjectProvider<SettingsSource> settingsSource;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Provisioning(ProvisionedDevices devices, SiteRepository sites, BrokerAccess brokerAccess, ProvisioningProperties settings,
            BrokerConnection broker, ObjectProvider<SettingsSource> settingsSource, ApplicationEventPublisher events,
            Clock clock) {
        this.devices = devices;
        this.sites = sites;
        this.brokerAccess = brokerAccess;
        this.settings = settings;
        this.broker = broker;
        this.settingsSource = settingsSource;
        this.events = events;
        this.clock = clock;
    }

    /** A device and its secret, shown once. */
    record Provisioned(ProvisionedDevices.Device device, String mqttPassword, ConfigBundle bundle) {
    }

    synchronized Provisioned provision(String siteId, String requestedId, String pinMapRevision, String actor) {
        if (!sites.exists(siteId)) {
            throw new NotFoundException("no site with id " + siteId);
        }
        String id = requestedId != null ? requestedId : newId();
        if (devices.exists(id)) {
            throw new ConflictException("device " + id + " already exists");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        ProvisionedDevices.Device device = new ProvisionedDevices.Device(id, siteId, id,
                pinMapRevision != null ? pinMapRevision : settings.pinMapRevision(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now),
                now.toInstant().toEpochMilli(), null);
        String password = password();
        devices.insert(device, MosquittoPasswordHash.hash(password, random), actor);
        brokerAccess.update();
        log.info("device {}/{} provisioned by {}", siteId, id, actor);
        events.publishEvent(new DeviceProvisioned(siteId, id));
        return new Provisioned(device, password, bundle(device, password));
    }

    synchronized ProvisionedDevices.Device revoke(String deviceId, String actor) {
        ProvisionedDevices.Device device = existing(deviceId);
        if (devices.revoke(deviceId, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)), actor)) {
            brokerAccess.update();
            log.info("device {}/{} revoked by {}", device.siteId(), deviceId, actor);
            events.publishEvent(new DeviceRevoked(device.siteId(), deviceId));
        }
        return existing(deviceId);
    }

    /** A new password (and bundle) for an active device, for a kiosk whose SD card was replaced; the old one stops working. */
    synchronized Provisioned renewCredentials(String deviceId, String actor) {
        ProvisionedDevices.Device device = existing(deviceId);
        String password = password();
        if (!devices.replacePassword(deviceId, MosquittoPasswordHash.hash(password, random))) {
            throw new ConflictException("device " + deviceId + " is revoked; provision a new device instead");
        }
        brokerAccess.update();
        log.info("device {}/{} got new credentials from {}", device.siteId(), deviceId, actor);
        return new Provisioned(device, password, bundle(device, password));
    }

    private ProvisionedDevices.Device existing(String deviceId) {
        return devices.find(deviceId).orElseThrow(() -> new NotFoundException("no device with id " + printable(deviceId)));
    }

    private ConfigBundle bundle(ProvisionedDevices.Device device, String password) {
        String url = settings.deviceBrokerUrl() != null ? settings.deviceBrokerUrl() : broker.serverUri();
        String pem = caCertificate();
        ConfigBundle.Config config = settingsSource.stream().findFirst()
                .flatMap(source -> source.effective(device.siteId(), device.id()))
                .map(c -> new ConfigBundle.Config(c.version(), c.settings()))
                .orElse(null);
        return new ConfigBundle(ConfigBundle.FORMAT, device.siteId(), device.id(),
                new ConfigBundle.Mqtt(url, device.mqttUsername(), password, pem == null ? null : ConfigBundle.KIOSK_CA_PATH, pem),
                device.pinMapRevision(), config,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)));
    }

    private String caCertificate() {
        if (settings.caCertificate() == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(settings.caCertificate()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SSC_DEVICE_CA_CERT " + settings.caCertificate(), e);
        }
    }

    private String newId() {
        for (int attempt = 0; attempt < GENERATED_ID_ATTEMPTS; attempt++) {
            String id = GENERATED_ID_PREFIX + randomText(ID_ALPHABET, GENERATED_ID_LENGTH);
            if (!devices.exists(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free device id after " + GENERATED_ID_ATTEMPTS + " attempts");
    }

    private String password() {
        return randomText(PASSWORD_ALPHABET, PASSWORD_LENGTH);
    }

    private String randomText(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    static String printable(String text) {
        String clean = text.replaceAll("[^a-z0-9-]", "?");
        return clean.length() > 32 ? clean.substring(0, 32) + "…" : clean;
    }
}
