package kr.smartsenior.server.provisioning;

import java.util.Map;

/**
 * Everything a new kiosk needs, as one JSON file ({@code smartsenior-bundle.json}) for the Pi's boot
 * partition or a USB stick; the first-boot step ({@code firmware-config}) installs it. It holds the
 * device's password, so it is shown once and must be handled like one.
 *
 * @param format         this layout's version (1)
 * @param mqtt           where and as whom the kiosk connects
 * @param pinMapRevision which pin map of {@code firmware-config} the kiosk's wiring follows
 * @param config         the remote configuration the kiosk should start with (it gets later ones
 *                       over MQTT), or null
 * @param issuedAt       when the bundle was made
 */
record ConfigBundle(int format, String siteId, String deviceId, Mqtt mqtt, String pinMapRevision, Config config,
        String issuedAt) {

    static final int FORMAT = 1;
    /** Where the first-boot step puts the CA certificate on the Pi. */
    static final String KIOSK_CA_PATH = "/etc/smartsenior/ca.crt";

    /**
     * @param url              the broker, {@code ssl://host:8883} in production
     * @param username         the device's own account
     * @param password         its password, shown only here
     * @param caCertificate    where the kiosk finds the CA certificate, or null without TLS
     * @param caCertificatePem the CA certificate itself (PEM), or null
     */
    record Mqtt(String url, String username, String password, String caCertificate, String caCertificatePem) {
    }

    record Config(long version, Map<String, Object> settings) {
    }
}
