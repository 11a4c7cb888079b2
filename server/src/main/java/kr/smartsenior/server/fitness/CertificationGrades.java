package kr.smartsenior.server.fitness;

/**
 * The 국민체력100 certification cut-offs of one item for one sex and age band of Korean seniors:
 * the least result (for times, the most) that earns grade 1 (top 30 %), 2 (30-50 %) and 3
 * (50-70 %). Bounds are inclusive, as the programme publishes them ("이상" / "이하").
 */
record CertificationGrades(String test, String sex, int ageFrom, int ageTo, boolean lowerIsBetter, double grade1,
        double grade2, double grade3, String unit) {

    /** The official grade 1-3, or null below grade 3 (the lowest 30 %). */
    Integer grade(double value) {
        for (int grade = 1; grade <= 3; grade++) {
            double cut = cut(grade);
            if (lowerIsBetter ? value <= cut + 1e-9 : value >= cut - 1e-9) {
                return grade;
            }
        }
        return null;
    }

    /** Grade 1 is above the usual range, grades 2-3 within it, below grade 3 below it. */
    Band band(double value) {
        Integer grade = grade(value);
        return grade == null ? Band.BELOW : grade == 1 ? Band.ABOVE : Band.WITHIN;
    }

    double cut(int grade) {
        return switch (grade) {
            case 1 -> grade1;
            case 2 -> grade2;
            case 3 -> grade3;
            default -> throw new IllegalArgumentException("grade " + grade);
        };
    }

    /** The usual range as a chart shades it: grade 3's cut (30th percentile) to grade 1's (70th). */
    double low() {
        return Math.min(grade1, grade3);
    }

    double high() {
        return Math.max(grade1, grade3);
    }

    /** "여성 75-79세: 1등급 18회 이상, 2등급 15회 이상, 3등급 12회 이상" */
    String describe() {
        String bound = lowerIsBetter ? " 이하" : " 이상";
        return "%s %s: 1등급 %s%s, 2등급 %s%s, 3등급 %s%s".formatted(Units.sex(sex), ages(), Units.value(grade1, unit),
                bound, Units.value(grade2, unit), bound, Units.value(grade3, unit), bound);
    }

    String ages() {
        return ageTo >= NormTables.OPEN_ENDED_AGE ? ageFrom + "세 이상" : ageFrom + "-" + ageTo + "세";
    }
}
