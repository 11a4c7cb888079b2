package kr.smartsenior.server.provisioning;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of provisioning, bound from {@code ssc.provisioning.*} ({@code SSC_*} variables in
 * {@code application.properties}). Blank means unset.
 *
 * @param brokerAuthDir   where Mosquitto's {@code passwords} and {@code acl} files are written
 *                        ({@code SSC_BROKER_AUTH_DIR}); unset: no files (the embedded broker has no accounts)
 * @param brokerPidFile   Mosquitto's pid file ({@code SSC_BROKER_PID_FILE}); the server sends that process
 *                        SIGHUP after writing the files, so it reloads them. Unset: reload some other way
 * @param deviceBrokerUrl the broker URL written into each kiosk's bundle ({@code SSC_DEVICE_MQTT_URL});
 *                        unset: the URL the server itself uses
 * @param caCertificate   a PEM file on the server with the CA that signed the broker's TLS certificate
 *                        ({@code SSC_DEVICE_CA_CERT}); its text goes into each bundle
 * @param pinMapRevision  the pin map revision a new device gets unless the request names one
 *                        ({@code SSC_PIN_MAP_REVISION})
 */
@ConfigurationProperties("ssc.provisioning")
record ProvisioningProperties(String brokerAuthDir, String brokerPidFile, String deviceBrokerUrl, String caCertificate,
        String pinMapRevision) {

    static final String DEFAULT_PIN_MAP_REVISION = "rev-a";

    ProvisioningProperties {
        brokerAuthDir = blankToNull(brokerAuthDir);
        brokerPidFile = blankToNull(brokerPidFile);
        deviceBrokerUrl = blankToNull(deviceBrokerUrl);
        caCertificate = blankToNull(caCertificate);
        pinMapRevision = blankToNull(pinMapRevision) == null ? DEFAULT_PIN_MAP_REVISION : pinMapRevision.strip();
    }

    Path authDir() {
        return brokerAuthDir == null ? null : Path.of(brokerAuthDir);
    }

    Path pidFile() {
        return brokerPidFile == null ? null : Path.of(brokerPidFile);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
