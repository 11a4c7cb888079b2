package kr.smartsenior.server.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberIdsTest {

    @Test
    void idsAreTenCrockfordCharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = MemberIds.next();
            assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{10}");
            assertThat(MemberIds.isWellFormed(id)).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void normalizesWhatAPersonTypes() {
        assertThat(MemberIds.normalize(" abcd-efgh-jk ")).isEqualTo("ABCDEFGHJK");
        assertThat(MemberIds.normalize("oil0OIL0OI")).isEqualTo("0110011001");
        assertThat(MemberIds.isWellFormed("ABCDEFGHJU")).isFalse();
        assertThat(MemberIds.isWellFormed("ABC")).isFalse();
    }
}
