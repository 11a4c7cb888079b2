package kr.smartsenior.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SscPropertiesTest {

    @Test
    void blankSettingsMeanTheDefaults() {
        SscProperties properties = new SscProperties(" ", new SscProperties.Mqtt("", "", null, "", "", ""),
                new SscProperties.Db("", "", ""), new SscProperties.Admin(""));

        assertThat(properties.dataDir()).isEqualTo("./data");
        assertThat(properties.mqtt().embedded()).isTrue();
        assertThat(properties.mqtt().host()).isEqualTo("127.0.0.1");
        assertThat(properties.mqtt().port()).isEqualTo(1883);
        assertThat(properties.mqtt().sharedGroup()).isEqualTo("ssc-server");
        assertThat(properties.db().url()).isNull();
        assertThat(properties.admin().password()).isNull();
    }

    @Test
    void secretsStayOutOfToString() {
        SscProperties properties = new SscProperties(null, new SscProperties.Mqtt("tcp://b:1883", null, null, null,
                "u", "mqtt-secret"), new SscProperties.Db("jdbc:postgresql://h/db", "u", "db-secret"),
                new SscProperties.Admin("admin-secret"));

        assertThat(properties.toString()).doesNotContain("mqtt-secret", "db-secret", "admin-secret");
        assertThat(properties.mqtt().embedded()).isFalse();
    }

    @Test
    void anInvalidSharedGroupIsRefusedByName() {
        assertThatThrownBy(() -> new SscProperties.Mqtt(null, null, null, "Bad/Group", null, null))
                .hasMessageContaining("SSC_MQTT_SHARED_GROUP");
    }

    @Test
    void anUnsupportedDatabaseUrlIsRefusedClearly() {
        assertThatThrownBy(() -> DataSources.create(new SscProperties.Db("jdbc:mysql://h/db?password=x", null, null),
                java.nio.file.Path.of("data")))
                .hasMessageContaining("SSC_DB_URL").hasMessageNotContaining("password=x");
    }
}
