package kr.smartsenior.server.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.config.SscProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps Mosquitto's password and ACL files in step with the database: written at start (before the
 * server connects, so its own account is there) and after every provisioning change, each file
 * replaced atomically, then Mosquitto is told to reload them with SIGHUP to the pid in
 * {@code SSC_BROKER_PID_FILE}. Does nothing when {@code SSC_BROKER_AUTH_DIR} is unset.
 */
@Component
final class BrokerAccess implements InitializingBean {

    static final String PASSWORD_FILE = "passwords";
    static final String ACL_FILE = "acl";
    /** Readable by the broker's group: give the directory the broker's group (setgid), see docs/operations.md. */
    private static final String FILE_MODE = "rw-r-----";
    private static final long RELOAD_TIMEOUT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(BrokerAccess.class);

    private final ProvisionedDevices devices;
    private final ProvisioningProperties settings;
    private final SscProperties.Mqtt mqtt;
    private final SecureRandom random = new SecureRandom();

    BrokerAccess(ProvisionedDevices devices, ProvisioningProperties settings, SscProperties properties) {
        this.devices = devices;
        this.settings = settings;
        this.mqtt = properties.mqtt();
    }

    /** Whether this server manages the broker's accounts. */
    boolean enabled() {
        return settings.authDir() != null;
    }

    @Override
    public void afterPropertiesSet() {
        if (!enabled()) {
            log.info("SSC_BROKER_AUTH_DIR is not set: no broker password/ACL files are written");
            return;
        }
        if (mqtt.user() == null || mqtt.password() == null) {
            throw new IllegalStateException("SSC_BROKER_AUTH_DIR is set, so the broker needs accounts: set SSC_MQTT_USER and"
                    + " SSC_MQTT_PASSWORD for the server's own account");
        }
        update();
    }

    /** Rewrites both files from the database and asks the broker to reload them. */
    synchronized void update() {
        if (!enabled()) {
            return;
        }
        List<BrokerAccessFiles.DeviceAccount> accounts = devices.activeAccounts();
        Path dir = settings.authDir();
        try {
            Files.createDirectories(dir);
            String serverHash = MosquittoPasswordHash.hash(mqtt.password(), random);
            replace(dir.resolve(PASSWORD_FILE), BrokerAccessFiles.passwords(mqtt.user(), serverHash, accounts));
            replace(dir.resolve(ACL_FILE), BrokerAccessFiles.acl(mqtt.user(), accounts));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker's access files in " + dir, e);
        }
        log.info("broker access files written for {} active devices", accounts.size());
        reload();
    }

    private static void replace(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(FILE_MODE));
        } catch (UnsupportedOperationException e) {
            log.debug("no POSIX permissions here: {}", file);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** SIGHUP to the broker named by the pid file, when one is configured and readable. */
    private void reload() {
        Path pidFile = settings.pidFile();
        if (pidFile == null) {
            log.info("SSC_BROKER_PID_FILE is not set: the broker must reload the files itself (see docs/operations.md)");
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            log.warn("cannot read the broker's pid from {} ({}); it has not reloaded the new access files", pidFile,
                    e.getMessage());
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(RELOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                log.warn("could not signal the broker (pid {}): {}", pid,
                        new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
                return;
            }
            log.info("asked the broker (pid {}) to reload its access files", pid);
        } catch (IOException e) {
            log.warn("could not signal the broker (pid {}): {}", pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
