package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a stored test's detail gives the evaluation: how it was taken and, for grip, which hand. */
class MeasurementHistoryTest {

    private final MeasurementHistory history = new MeasurementHistory(null, new ObjectMapper());

    @Test
    void aGripRecordGivesItsProtocolAndHandAndNothingElse() {
        String stored = """
                {"protocol":"grip/1","source":"staff","hand":"left","trials":[17.0]}""";

        assertThat(history.testKeys("M7K2Q9XD4T", stored)).isEqualTo(Map.of("protocol", "grip/1", "hand", "left"));
    }

    @Test
    void onlyTopLevelKeysCountAndANonStringReadsAsUnknown() {
        String stored = """
                {"trace":{"hand":"right","protocol":"x/1"},"protocol":7,"hand":"right"}""";

        assertThat(history.testKeys("M7K2Q9XD4T", stored)).isEqualTo(Map.of("protocol", "?", "hand", "right"));
    }

    @Test
    void aDetailThatIsNotAJsonObjectReadsAsEmpty() {
        assertThat(history.testKeys("M7K2Q9XD4T", "[1,2]")).isEmpty();
        assertThat(history.testKeys("M7K2Q9XD4T", "{\"protocol\":")).isEmpty();
        assertThat(history.testKeys("M7K2Q9XD4T", null)).isEmpty();
    }
}
