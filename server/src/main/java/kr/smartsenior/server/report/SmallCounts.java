package kr.smartsenior.server.report;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-count suppression for the district's aggregate reports (docs/retention-ko.md): a count of
 * 1 to 4 people (or visits, or alerts) is shown as "5명 미만", since in a 경로당 of a few dozen
 * seniors such a count points at people staff and neighbours know. Counts that sum to a shown total
 * (improved + held + declined = compared; sites = the district) would give a hidden count back by
 * subtraction, so where exactly one count of such a sum is hidden the smallest other one is hidden
 * too ("비공개" when it is 5 or more), until no sum has a single hidden count.
 */
final class SmallCounts {

    /** Counts below this (and above 0) are not shown. */
    static final int THRESHOLD = 5;

    /** A count in a table: its row and what it counts. */
    record Cell(int row, String key) {
    }

    /** {@code total} is the sum of {@code parts}. */
    record Sum(Cell total, List<Cell> parts) {
    }

    private SmallCounts() {
    }

    /** Whether a count this small is hidden on its own. */
    static boolean small(int count) {
        return count > 0 && count < THRESHOLD;
    }

    /** The cells to hide: every small count, and enough others that no sum gives one back. */
    static Set<Cell> hidden(Map<Cell, Integer> counts, List<Sum> sums) {
        Set<Cell> hidden = new HashSet<>();
        counts.forEach((cell, count) -> {
            if (small(count)) {
                hidden.add(cell);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum sum : sums) {
                if (!counts.containsKey(sum.total())) {
                    continue;
                }
                List<Cell> parts = sum.parts().stream().filter(counts::containsKey).toList();
                long hiddenHere = parts.stream().filter(hidden::contains).count() + (hidden.contains(sum.total()) ? 1 : 0);
                if (hiddenHere != 1) {
                    continue;
                }
                Cell next = parts.stream().filter(c -> !hidden.contains(c))
                        .min(Comparator.comparingInt((Cell c) -> counts.get(c)).thenComparingInt(Cell::row)
                                .thenComparing(Cell::key))
                        .orElse(hidden.contains(sum.total()) ? null : sum.total());
                if (next != null) {
                    hidden.add(next);
                    changed = true;
                }
            }
        }
        return hidden;
    }

    /** How a count is shown: the number, or "5명 미만" (with the unit) or "비공개" when hidden. */
    static String text(int count, boolean hidden, String unit) {
        if (!hidden) {
            return Integer.toString(count);
        }
        return count < THRESHOLD ? THRESHOLD + unit + " 미만" : "비공개";
    }
}
