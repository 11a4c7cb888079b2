package kr.smartsenior.server.fitness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;
import org.springframework.stereotype.Component;

/**
 * Every norm the evaluation uses, loaded once from {@code resources/norms} and validated: each SFT
 * test has every age band 60-94 for both sexes, ranges are ordered, references cover their ages.
 * A bad file stops the server with the file and line named.
 */
@Component
final class NormTables {

    static final String DIR = "norms/";
    static final List<int[]> SFT_BANDS = List.of(new int[] {60, 64}, new int[] {65, 69}, new int[] {70, 74},
            new int[] {75, 79}, new int[] {80, 84}, new int[] {85, 89}, new int[] {90, 94});
    static final List<String> SFT_TESTS = List.of("CHAIR_STAND_30S", "STEP_IN_PLACE_2MIN", "SIT_AND_REACH",
            "UP_AND_GO_8FT");
    static final List<String> SEXES = List.of("F", "M");
    /** The items of the 국민체력100 어르신기 certification table, as {@code kfit100-senior-grades.csv} names them. */
    static final List<String> KFIT100_TESTS = List.of("STEP_IN_PLACE_2MIN", "WALK_6MIN", "RELATIVE_GRIP",
            "CHAIR_STAND_30S", "SIT_AND_REACH_FLOOR", "UP_AND_GO_3M_FAST", "FIGURE_8_WALK");
    /** The 국민체력100 senior age bands; the last is "85세 이상", written 85-120. */
    static final List<int[]> KFIT100_BANDS = List.of(new int[] {65, 69}, new int[] {70, 74}, new int[] {75, 79},
            new int[] {80, 84}, new int[] {85, 120});
    static final int OPEN_ENDED_AGE = 120;

    /** 3 m TUG reference of one age group (Bohannon 2006). */
    record TugReference(int ageFrom, int ageTo, double mean, double ciLow, double ciHigh) {
    }

    /** A fall-risk cut-off; {@code threshold} is null when it comes from the STEADI chair-stand table. */
    record FallRiskCutoff(String flag, MeasurementCode code, boolean atLeast, Double threshold, FallRiskLevel level,
            String source) {
    }

    /** A BMI class. */
    record BmiClass(String name, double from, double under, String korean) {
    }

    /** The smallest real change of one test. */
    record MeasurementError(MeasurementCode code, double threshold, boolean relative, boolean provisional,
            String source) {
    }

    private final Map<String, List<NormalRange>> sft = new HashMap<>();
    private final Map<String, Integer> steadi = new HashMap<>();
    private final List<TugReference> tug = new ArrayList<>();
    private final List<FallRiskCutoff> fallRisk = new ArrayList<>();
    private final Map<String, Double> gripLowUnder = new HashMap<>();
    private final List<BmiClass> bmi = new ArrayList<>();
    private final Map<MeasurementCode, MeasurementError> errors = new EnumMap<>(MeasurementCode.class);
    private final Map<String, List<CertificationGrades>> kfit100 = new HashMap<>();

    NormTables() {
        loadSft(CsvTable.load(DIR + "sft-normal-ranges.csv"));
        loadSteadi(CsvTable.load(DIR + "steadi-chair-stand.csv"));
        loadTug(CsvTable.load(DIR + "tug-3m-reference.csv"));
        loadFallRisk(CsvTable.load(DIR + "fall-risk-cutoffs.csv"));
        loadGrip(CsvTable.load(DIR + "grip-cutoffs.csv"));
        loadBmi(CsvTable.load(DIR + "bmi-korea.csv"));
        loadErrors(CsvTable.load(DIR + "measurement-error.csv"));
        loadKfit100(CsvTable.load(DIR + "kfit100-senior-grades.csv"));
    }

    /** The 국민체력100 certification cut-offs of this item for this sex and age (65 and over), if any. */
    Optional<CertificationGrades> kfit100(String test, String sex, int age) {
        return kfit100.getOrDefault(test + "/" + sex, List.of()).stream()
                .filter(g -> g.ageFrom() <= age && age <= g.ageTo()).findFirst();
    }

    List<CertificationGrades> kfit100Bands(String test, String sex) {
        return kfit100.getOrDefault(test + "/" + sex, List.of());
    }

    /** The SFT normal range for this test, sex and age (60-94), if there is one. */
    Optional<NormalRange> sft(String test, String sex, int age) {
        return sft.getOrDefault(test + "/" + sex, List.of()).stream()
                .filter(range -> range.ageFrom() <= age && age <= range.ageTo()).findFirst();
    }

    List<NormalRange> sftRanges(String test, String sex) {
        return sft.getOrDefault(test + "/" + sex, List.of());
    }

    /** STEADI "below average" threshold (a count below it is below average) for sex and age 60-94. */
    Optional<Integer> steadiChairStand(String sex, int age) {
        for (int[] band : SFT_BANDS) {
            if (band[0] <= age && age <= band[1]) {
                return Optional.ofNullable(steadi.get(sex + "/" + band[0]));
            }
        }
        return Optional.empty();
    }

    Optional<TugReference> tug(int age) {
        return tug.stream().filter(r -> r.ageFrom() <= age && age <= r.ageTo()).findFirst();
    }

    List<FallRiskCutoff> fallRiskCutoffs() {
        return List.copyOf(fallRisk);
    }

    Optional<Double> gripLowUnder(String sex) {
        return Optional.ofNullable(gripLowUnder.get(sex));
    }

    BmiClass bmiClass(double value) {
        return bmi.stream().filter(c -> c.from() <= value && value < c.under()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("BMI " + value + " outside every class"));
    }

    Optional<MeasurementError> error(MeasurementCode code) {
        return Optional.ofNullable(errors.get(code));
    }

    private void loadSft(CsvTable table) {
        for (CsvTable.Row row : table.rows()) {
            String test = row.text("test");
            if (!SFT_TESTS.contains(test)) {
                throw row.error("unknown test " + test);
            }
            String sex = sex(row);
            String better = row.text("better");
            if (!better.equals("higher") && !better.equals("lower")) {
                throw row.error("better must be higher or lower");
            }
            NormalRange range = new NormalRange(test, sex, row.integer("age_from"), row.integer("age_to"),
                    row.number("low"), row.number("high"), better.equals("lower"), row.text("unit"));
            if (!(range.low() < range.high())) {
                throw row.error("low must be below high");
            }
            sft.computeIfAbsent(test + "/" + sex, k -> new ArrayList<>()).add(range);
        }
        for (String test : SFT_TESTS) {
            for (String sex : SEXES) {
                List<NormalRange> ranges = sft.getOrDefault(test + "/" + sex, List.of());
                if (ranges.size() != SFT_BANDS.size()) {
                    throw new NormsException(table.name(), 0, test + " " + sex + " has " + ranges.size()
                            + " age bands, needs " + SFT_BANDS.size() + " (60-64 ... 90-94)");
                }
                ranges.sort(java.util.Comparator.comparingInt(NormalRange::ageFrom));
                for (int i = 0; i < SFT_BANDS.size(); i++) {
                    if (ranges.get(i).ageFrom() != SFT_BANDS.get(i)[0] || ranges.get(i).ageTo() != SFT_BANDS.get(i)[1]) {
                        throw new NormsException(table.name(), 0, test + " " + sex + " age bands must be 60-64 ... 90-94");
                    }
                }
            }
        }
    }

    private void loadSteadi(CsvTable table) {
        for (CsvTable.Row row : table.rows()) {
            steadi.put(sex(row) + "/" + row.integer("age_from"), row.integer("below_average_under"));
        }
        for (String sex : SEXES) {
            for (int[] band : SFT_BANDS) {
                if (!steadi.containsKey(sex + "/" + band[0])) {
                    throw new NormsException(table.name(), 0, "no row for " + sex + " " + band[0] + "-" + band[1]);
                }
            }
        }
    }

    private void loadTug(CsvTable table) {
        int expectedFrom = 60;
        for (CsvTable.Row row : table.rows()) {
            TugReference reference = new TugReference(row.integer("age_from"), row.integer("age_to"),
                    row.number("mean"), row.number("ci_low"), row.number("ci_high"));
            if (reference.ageFrom() != expectedFrom || reference.ageTo() < reference.ageFrom()) {
                throw row.error("age groups must run on from 60 without gaps");
            }
            if (!(reference.ciLow() <= reference.mean() && reference.mean() <= reference.ciHigh())) {
                throw row.error("mean must lie within its confidence interval");
            }
            expectedFrom = reference.ageTo() + 1;
            tug.add(reference);
        }
    }

    private void loadFallRisk(CsvTable table) {
        for (CsvTable.Row row : table.rows()) {
            MeasurementCode code = row.parse("code", MeasurementCode::valueOf);
            String comparison = row.text("comparison");
            if (!comparison.equals("at_least") && !comparison.equals("under")) {
                throw row.error("comparison must be at_least or under");
            }
            String threshold = row.text("threshold");
            Double value = threshold.endsWith(".csv") ? null : row.number("threshold");
            if (value == null && code != MeasurementCode.CHAIR_STAND_30S) {
                throw row.error("only the chair stand takes its threshold from the STEADI table");
            }
            fallRisk.add(new FallRiskCutoff(row.text("flag"), code, comparison.equals("at_least"), value,
                    row.parse("level", FallRiskLevel::valueOf), row.text("source")));
        }
    }

    private void loadGrip(CsvTable table) {
        for (CsvTable.Row row : table.rows()) {
            gripLowUnder.put(sex(row), row.number("low_under"));
        }
        if (!gripLowUnder.keySet().containsAll(SEXES)) {
            throw new NormsException(table.name(), 0, "needs a row for F and for M");
        }
    }

    private void loadBmi(CsvTable table) {
        double expectedFrom = 0;
        for (CsvTable.Row row : table.rows()) {
            BmiClass c = new BmiClass(row.text("class"), row.number("from"), row.number("under"), row.text("korean"));
            if (c.from() != expectedFrom || !(c.under() > c.from())) {
                throw row.error("classes must run on from 0 without gaps or overlaps");
            }
            expectedFrom = c.under();
            bmi.add(c);
        }
    }

    private void loadErrors(CsvTable table) {
        for (CsvTable.Row row : table.rows()) {
            MeasurementCode code = row.parse("code", MeasurementCode::valueOf);
            String status = row.text("status");
            if (!status.equals("sourced") && !status.equals("provisional")) {
                throw row.error("status must be sourced or provisional");
            }
            double threshold = row.number("threshold");
            if (!(threshold > 0)) {
                throw row.error("threshold must be positive");
            }
            errors.put(code, new MeasurementError(code, threshold, Boolean.parseBoolean(row.text("relative")),
                    status.equals("provisional"), row.text("source")));
        }
    }

    private void loadKfit100(CsvTable table) {
        for (CsvTable.Row row : table.rows()) {
            String test = row.text("test");
            if (!KFIT100_TESTS.contains(test)) {
                throw row.error("unknown item " + test);
            }
            String better = row.text("better");
            if (!better.equals("higher") && !better.equals("lower")) {
                throw row.error("better must be higher or lower");
            }
            CertificationGrades grades = new CertificationGrades(test, sex(row), row.integer("age_from"),
                    row.integer("age_to"), better.equals("lower"), row.number("grade1"), row.number("grade2"),
                    row.number("grade3"), row.text("unit"));
            boolean ordered = grades.lowerIsBetter()
                    ? grades.grade1() < grades.grade2() && grades.grade2() < grades.grade3()
                    : grades.grade1() > grades.grade2() && grades.grade2() > grades.grade3();
            if (!ordered) {
                throw row.error("grade 1 must be better than grade 2, and grade 2 better than grade 3");
            }
            kfit100.computeIfAbsent(test + "/" + grades.sex(), k -> new ArrayList<>()).add(grades);
        }
        for (String test : KFIT100_TESTS) {
            for (String sex : SEXES) {
                List<CertificationGrades> bands = kfit100.getOrDefault(test + "/" + sex, List.of());
                bands.sort(java.util.Comparator.comparingInt(CertificationGrades::ageFrom));
                boolean complete = bands.size() == KFIT100_BANDS.size();
                for (int i = 0; complete && i < bands.size(); i++) {
                    complete = bands.get(i).ageFrom() == KFIT100_BANDS.get(i)[0]
                            && bands.get(i).ageTo() == KFIT100_BANDS.get(i)[1];
                }
                if (!complete) {
                    throw new NormsException(table.name(), 0, test + " " + sex
                            + " needs the age bands 65-69, 70-74, 75-79, 80-84, 85-120 once each");
                }
            }
        }
    }

    private static String sex(CsvTable.Row row) {
        String sex = row.text("sex");
        if (!SEXES.contains(sex)) {
            throw row.error("sex must be F or M");
        }
        return sex;
    }
}
