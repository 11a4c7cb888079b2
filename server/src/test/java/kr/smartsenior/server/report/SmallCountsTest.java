package kr.smartsenior.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.smartsenior.server.report.SmallCounts.Cell;
import kr.smartsenior.server.report.SmallCounts.Sum;
import org.junit.jupiter.api.Test;

class SmallCountsTest {

    @Test
    void oneToFourAreHiddenZeroAndFiveAreShown() {
        Map<Cell, Integer> counts = new LinkedHashMap<>();
        for (int n = 0; n <= 6; n++) {
            counts.put(new Cell(n, "n"), n);
        }
        Set<Cell> hidden = SmallCounts.hidden(counts, List.of());
        assertThat(hidden).containsExactlyInAnyOrder(new Cell(1, "n"), new Cell(2, "n"), new Cell(3, "n"),
                new Cell(4, "n"));
        assertThat(SmallCounts.text(3, true, "명")).isEqualTo("5명 미만");
        assertThat(SmallCounts.text(0, true, "건")).isEqualTo("5건 미만");
        assertThat(SmallCounts.text(12, true, "명")).isEqualTo("비공개");
        assertThat(SmallCounts.text(12, false, "명")).isEqualTo("12");
        assertThat(SmallCounts.text(0, false, "명")).isEqualTo("0");
    }

    @Test
    void aSingleHiddenPartOfAShownTotalHidesTheSmallestOtherPart() {
        // 12 compared = 8 improved + 4 held + 0 declined: with only "4" hidden, 12 - 8 - 0 gives it back
        Cell compared = new Cell(0, "compared");
        Cell improved = new Cell(0, "improved");
        Cell held = new Cell(0, "held");
        Cell declined = new Cell(0, "declined");
        Map<Cell, Integer> counts = Map.of(compared, 12, improved, 8, held, 4, declined, 0);
        Set<Cell> hidden = SmallCounts.hidden(counts, List.of(new Sum(compared, List.of(improved, held, declined))));
        assertThat(hidden).containsExactlyInAnyOrder(held, declined);
    }

    @Test
    void sitesThatSumToTheDistrictAreProtectedTooUntilNothingChanges() {
        // three sites 10, 3, 7 = district 20; hiding 3 alone lets 20 - 10 - 7 give it back, so 7 goes too
        Map<Cell, Integer> counts = new LinkedHashMap<>();
        counts.put(new Cell(0, "visitors"), 10);
        counts.put(new Cell(1, "visitors"), 3);
        counts.put(new Cell(2, "visitors"), 7);
        counts.put(new Cell(3, "visitors"), 20);
        Sum district = new Sum(new Cell(3, "visitors"), List.of(new Cell(0, "visitors"), new Cell(1, "visitors"),
                new Cell(2, "visitors")));
        Set<Cell> hidden = SmallCounts.hidden(counts, List.of(district));
        assertThat(hidden).containsExactlyInAnyOrder(new Cell(1, "visitors"), new Cell(2, "visitors"));
    }

    @Test
    void noSumEndsWithExactlyOneHiddenCount() {
        // a grid: 2 sites x 2 parts, each row sums to its total, each column to the district
        Map<Cell, Integer> counts = new LinkedHashMap<>();
        int[][] parts = {{2, 9}, {8, 6}};
        List<Sum> sums = new java.util.ArrayList<>();
        for (int r = 0; r < 2; r++) {
            counts.put(new Cell(r, "a"), parts[r][0]);
            counts.put(new Cell(r, "b"), parts[r][1]);
            counts.put(new Cell(r, "t"), parts[r][0] + parts[r][1]);
            sums.add(new Sum(new Cell(r, "t"), List.of(new Cell(r, "a"), new Cell(r, "b"))));
        }
        for (String key : List.of("a", "b", "t")) {
            counts.put(new Cell(2, key), counts.get(new Cell(0, key)) + counts.get(new Cell(1, key)));
            sums.add(new Sum(new Cell(2, key), List.of(new Cell(0, key), new Cell(1, key))));
        }
        Set<Cell> hidden = SmallCounts.hidden(counts, sums);
        assertThat(hidden).contains(new Cell(0, "a"));
        for (Sum sum : sums) {
            long n = sum.parts().stream().filter(hidden::contains).count() + (hidden.contains(sum.total()) ? 1 : 0);
            assertThat(n).as("hidden in %s", sum).isNotEqualTo(1);
        }
    }
}
