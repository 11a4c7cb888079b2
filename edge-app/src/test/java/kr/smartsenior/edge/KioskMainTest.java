package kr.smartsenior.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KioskMainTest {

    @Test
    void runsSimulatedWithTheScreenOrHeadless() {
        assertThat(KioskMain.usageProblem(List.of("--simulate"))).isEmpty();
        assertThat(KioskMain.usageProblem(List.of("--simulate", "--headless"))).isEmpty();
        assertThat(KioskMain.usageProblem(List.of("--headless", "--simulate"))).isEmpty();
    }

    @Test
    void explainsThatTheRealSensorsComeLater() {
        assertThat(KioskMain.usageProblem(List.of())).get().asString()
                .contains("later version").contains("--simulate --headless");
        assertThat(KioskMain.usageProblem(List.of("--headless"))).isPresent();
    }

    @Test
    void namesAnUnknownOption() {
        assertThat(KioskMain.usageProblem(List.of("--simulate", "--headless", "--fast"))).get().asString()
                .contains("unknown option(s): --fast");
    }
}
