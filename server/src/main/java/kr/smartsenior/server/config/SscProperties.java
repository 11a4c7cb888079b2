package kr.smartsenior.server.config;

import java.nio.file.Path;
import kr.smartsenior.protocol.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's settings, bound from {@code ssc.*} (each fed by an {@code SSC_*} environment
 * variable in {@code application.properties}). Blank values mean "use the default".
 *
 * @param dataDir where the SQLite file and embedded broker files live ({@code SSC_DATA_DIR})
 */
@ConfigurationProperties("ssc")
public record SscProperties(String dataDir, Mqtt mqtt, Db db, Admin admin) {

    public SscProperties {
        dataDir = blankToNull(dataDir) == null ? "./data" : dataDir.strip();
        mqtt = mqtt == null ? new Mqtt(null, null, null, null, null, null) : mqtt;
        db = db == null ? new Db(null, null, null) : db;
        admin = admin == null ? new Admin(null) : admin;
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    /**
     * @param url         external broker ({@code SSC_MQTT_URL}); blank: embedded broker
     * @param host        embedded broker listen address ({@code SSC_MQTT_HOST})
     * @param port        embedded broker port ({@code SSC_MQTT_PORT}); 0 picks a free one
     * @param sharedGroup shared-subscription group on an external broker ({@code SSC_MQTT_SHARED_GROUP})
     * @param user        external broker user name ({@code SSC_MQTT_USER}), optional
     * @param password    external broker password ({@code SSC_MQTT_PASSWORD}), optional
     */
    public record Mqtt(String url, String host, Integer port, String sharedGroup, String user, String password) {

        public Mqtt {
            url = blankToNull(url);
            host = blankToNull(host) == null ? "127.0.0.1" : host.strip();
            port = port == null ? 1883 : port;
            sharedGroup = blankToNull(sharedGroup) == null ? "ssc-server" : sharedGroup.strip();
            user = blankToNull(user);
            password = blankToNull(password);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("SSC_MQTT_PORT must be 0..65535, not " + port);
            }
            if (!Topics.isValidId(sharedGroup)) {
                throw new IllegalArgumentException("SSC_MQTT_SHARED_GROUP must be 1-32 lower-case letters, digits"
                        + " and hyphens, not '" + sharedGroup + "'");
            }
        }

        /** Whether the server runs its own broker (no external URL is set). */
        public boolean embedded() {
            return url == null;
        }

        @Override
        public String toString() {
            return "Mqtt[url=" + url + ", host=" + host + ", port=" + port + ", sharedGroup=" + sharedGroup
                    + ", user=" + user + ", password=" + (password == null ? "unset" : "***") + "]";
        }
    }

    /**
     * @param url      JDBC URL ({@code SSC_DB_URL}); blank: SQLite file under the data dir
     * @param user     database user ({@code SSC_DB_USER}), optional
     * @param password database password ({@code SSC_DB_PASSWORD}), optional
     */
    public record Db(String url, String user, String password) {

        public Db {
            url = blankToNull(url);
            user = blankToNull(user);
            password = blankToNull(password);
        }

        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", password=" + (password == null ? "unset" : "***") + "]";
        }
    }

    /** @param password the first admin's password ({@code SSC_ADMIN_PASSWORD}); blank: generated */
    public record Admin(String password) {

        public Admin {
            password = blankToNull(password);
        }

        @Override
        public String toString() {
            return "Admin[password=" + (password == null ? "unset" : "***") + "]";
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
