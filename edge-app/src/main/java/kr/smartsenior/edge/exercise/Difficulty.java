package kr.smartsenior.edge.exercise;

/**
 * Adapts a session's difficulty to how the senior does, block by block: a hit rate above
 * {@link #RAISE_ABOVE} makes it one tempo step harder, below {@link #LOWER_BELOW} one step easier.
 * Below the slowest tempo it goes one level down (never below 1) and starts that level at its own
 * tempo; above the fastest it goes back up a level only as far as the level it started at, since
 * the prescription's level is a safety cap (jumps, pads, holding on), not a suggestion.
 */
final class Difficulty {

    static final double RAISE_ABOVE = 0.85;
    static final double LOWER_BELOW = 0.60;
    static final int MAX_STEP = 3;
    static final int MIN_STEP = -3;

    private final int startLevel;
    private final int blockSize;
    private final double ratio;
    private int level;
    private int step;
    private int blockHits;
    private int blockScored;
    private int changes;

    /**
     * @param startLevel the prescribed level (also the highest)
     * @param blockSize  answers per judgement
     * @param ratio      how much harder one step is (1.15: 15 % faster tempo, or longer holds)
     */
    Difficulty(int startLevel, int blockSize, double ratio) {
        this.startLevel = startLevel;
        this.level = startLevel;
        this.blockSize = blockSize;
        this.ratio = ratio;
    }

    int level() {
        return level;
    }

    int step() {
        return step;
    }

    int changes() {
        return changes;
    }

    /** How much harder than the level's own: {@code ratio^step}. */
    double factor() {
        return Math.pow(ratio, step);
    }

    int tempoPercent() {
        return (int) Math.round(100 * factor());
    }

    /** Scores one answer; returns +1 when that made it harder, -1 easier, 0 unchanged. */
    int score(boolean hit) {
        blockScored++;
        if (hit) {
            blockHits++;
        }
        if (blockScored < blockSize) {
            return 0;
        }
        double rate = (double) blockHits / blockScored;
        blockHits = 0;
        blockScored = 0;
        return judge(rate);
    }

    /** Judges a whole block at once (an interval round: steps done against the target). */
    int scoreBlock(double rate) {
        blockHits = 0;
        blockScored = 0;
        return judge(rate);
    }

    private int judge(double rate) {
        if (rate > RAISE_ABOVE) {
            if (step < MAX_STEP) {
                step++;
            } else if (level < startLevel) {
                level++;
                step = 0;
            } else {
                return 0;
            }
            changes++;
            return 1;
        }
        if (rate < LOWER_BELOW) {
            if (step > MIN_STEP) {
                step--;
            } else if (level > 1) {
                level--;
                step = 0;
            } else {
                return 0;
            }
            changes++;
            return -1;
        }
        return 0;
    }
}
