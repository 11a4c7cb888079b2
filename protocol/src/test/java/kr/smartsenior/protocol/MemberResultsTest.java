package kr.smartsenior.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The roster's grade cut-offs and recent results: the band rule, and the wire both ways. */
class MemberResultsTest {

    private final ProtocolCodec codec = new ProtocolCodec();
    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");

    /** 국민체력100 women 75-79: grade 3 at 12, grade 1 at 18 (inclusive). */
    private static final BandCutoffs CHAIR = new BandCutoffs(MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s/2",
            false, new BigDecimal("12"), new BigDecimal("18"), null);
    /** SFT chair sit-and-reach: within from the 25th percentile, above only past the 75th. */
    private static final BandCutoffs REACH = new BandCutoffs(MeasurementCode.SIT_AND_REACH, "chair-sit-and-reach/1",
            false, new BigDecimal("-1"), null, new BigDecimal("4.5"));
    /** Bohannon 2006, 70-79: slower than 10.2 s is below; no above band. */
    private static final BandCutoffs TUG = new BandCutoffs(MeasurementCode.TIMED_UP_AND_GO, "timed-up-and-go/2",
            true, new BigDecimal("10.2"), null, null);

    private static final MemberResults RESULTS = new MemberResults(2026, List.of(CHAIR, REACH, TUG),
            List.of(new RecentResults(MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s/2",
                    RecentResults.Trend.IMPROVED, List.of(
                            new RecentResults.Result(LocalDate.parse("2026-09-01"), new BigDecimal("11"), ResultBand.BELOW),
                            new RecentResults.Result(LocalDate.parse("2026-11-02"), new BigDecimal("14"),
                                    ResultBand.WITHIN)))));

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aGradedCountIsBelowShortOfGradeThreeAndAboveFromGradeOneInclusive() {
        assertThat(CHAIR.band(n("11"))).isEqualTo(ResultBand.BELOW);
        assertThat(CHAIR.band(n("12"))).isEqualTo(ResultBand.WITHIN);
        assertThat(CHAIR.band(n("17"))).isEqualTo(ResultBand.WITHIN);
        assertThat(CHAIR.band(n("18"))).isEqualTo(ResultBand.ABOVE);
    }

    @Test
    void anAboveBeyondCutOffIsStrictAndLowerIsBetterTurnsTheComparisons() {
        assertThat(REACH.band(n("-1.5"))).isEqualTo(ResultBand.BELOW);
        assertThat(REACH.band(n("-1"))).isEqualTo(ResultBand.WITHIN);
        assertThat(REACH.band(n("4.50"))).isEqualTo(ResultBand.WITHIN);
        assertThat(REACH.band(n("4.6"))).isEqualTo(ResultBand.ABOVE);
        assertThat(TUG.band(n("10.2"))).isEqualTo(ResultBand.WITHIN);
        assertThat(TUG.band(n("10.3"))).isEqualTo(ResultBand.BELOW);
        assertThat(TUG.band(n("5.0"))).as("no above band: the norm says low or not low").isEqualTo(ResultBand.WITHIN);
    }

    @Test
    void cutOffsOutOfOrderOrTwoAboveRulesAreRefused() {
        assertThatThrownBy(() -> new BandCutoffs(MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s/2", false, n("18"),
                n("12"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BandCutoffs(MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s/2", false, n("12"),
                n("18"), n("18"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAResultOfTheNormsProcedureAndYearGetsABand() {
        assertThat(RESULTS.band(MeasurementCode.CHAIR_STAND_30S, n("8"), "chair-stand-30s/2", TODAY))
                .contains(ResultBand.BELOW);
        assertThat(RESULTS.band(MeasurementCode.CHAIR_STAND_30S, n("8"), null, TODAY))
                .as("no protocol id: the catalogue's procedure, as the server reads it").contains(ResultBand.BELOW);
        assertThat(RESULTS.band(MeasurementCode.CHAIR_STAND_30S, n("8"), "chair-stand-30s/1", TODAY))
                .as("a superseded procedure").isEmpty();
        assertThat(RESULTS.band(MeasurementCode.CHAIR_STAND_30S, n("8"), "chair-stand-30s/3", TODAY))
                .as("a newer procedure").isEmpty();
        assertThat(RESULTS.band(MeasurementCode.CHAIR_STAND_30S, n("8"), "chair-stand-30s/2",
                LocalDate.parse("2027-01-01"))).as("another year: another age").isEmpty();
        assertThat(RESULTS.band(MeasurementCode.ONE_LEG_STANCE, n("8"), "one-leg-stance/2", TODAY))
                .as("no cut-offs for the test").isEmpty();
        assertThat(MemberResults.NONE.band(MeasurementCode.CHAIR_STAND_30S, n("8"), "chair-stand-30s/2", TODAY))
                .isEmpty();
    }

    @Test
    void recentResultsKeepTheLatestFive() {
        List<RecentResults.Result> seven = java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(d -> new RecentResults.Result(LocalDate.of(2026, 11, d), n(Integer.toString(d)), null)).toList();
        RecentResults recent = new RecentResults(MeasurementCode.GRIP_STRENGTH, "grip/1", null, seven);
        assertThat(recent.results()).extracting(RecentResults.Result::value).containsExactly(n("3"), n("4"), n("5"),
                n("6"), n("7"));
        assertThat(recent.trend()).isEqualTo(RecentResults.Trend.NOT_CALLED);
    }

    private Roster roster(String entryExtra) {
        String json = """
                {"siteId":"ydp-01","version":5,"issuedAt":"2026-11-21T09:00:00Z",
                 "members":[{"memberId":"M7K2Q9XD4T","displayName":"김순자","tokenHash":"ab","cardVersion":1%s}]}"""
                .formatted(entryExtra);
        Decoded<Roster> decoded = codec.decodeRoster(json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).as(entryExtra).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok<Roster>) decoded).value();
    }

    @Test
    void roundTripsInTheRosterAndNoneIsLeftOut() {
        Roster roster = new Roster("ydp-01", 7, OffsetDateTime.parse("2026-11-21T09:00:00Z"), List.of(
                new RosterEntry("M7K2Q9XD4T", "김순자", "c2hh", 2, KioskPrescription.NONE, RESULTS),
                new RosterEntry("M3B8N1ZP6W", "박영호", "ZGQ", 1, KioskPrescription.NONE)));
        String json = new String(codec.encode(roster), StandardCharsets.UTF_8);
        assertThat(json).contains("\"withinAt\":12").contains("\"aboveBeyond\":4.5").contains("[\"2026-09-01\",11,\"BELOW\"]")
                .contains("\"lowerIsBetter\":true").doesNotContain("\"lowerIsBetter\":false")
                .doesNotContain("null").doesNotContain("birth").doesNotContain("sex").doesNotContain("age\"");
        assertThat(json.indexOf("\"results\":{")).as("only the first entry has results")
                .isEqualTo(json.lastIndexOf("\"results\":{"));
        Roster read = ((Decoded.Ok<Roster>) codec.decodeRoster(json.getBytes(StandardCharsets.UTF_8))).value();
        assertThat(read).isEqualTo(roster);
        assertThat(read.members().get(1).results()).isEqualTo(MemberResults.NONE);
    }

    @Test
    void keepingTheLatestResultsOnlyTrimsEachTestsList() {
        assertThat(RESULTS.keepingLatest(1).recent().getFirst().results()).extracting(RecentResults.Result::value)
                .containsExactly(n("14"));
        assertThat(RESULTS.keepingLatest(0).recent()).isEmpty();
        assertThat(RESULTS.keepingLatest(0).bands()).isEqualTo(RESULTS.bands());
    }

    @Test
    void anOlderServersRosterWithoutResultsReadsAsNone() {
        assertThat(roster("").members().getFirst().results()).isEqualTo(MemberResults.NONE);
        assertThat(roster(",\"results\":null").members().getFirst().results()).isEqualTo(MemberResults.NONE);
        assertThat(roster(",\"results\":[1,2]").members().getFirst().results()).isEqualTo(MemberResults.NONE);
    }

    @Test
    void aNewerServersTestsTrendsAndFieldsCostOnlyTheirOwnEntry() {
        MemberResults read = roster("""
                ,"results":{"year":2026,"colour":"green",
                 "bands":[{"code":"CHAIR_STAND_30S","protocol":"chair-stand-30s/2","lowerIsBetter":false,"withinAt":12,"aboveAt":18,"grade2":15},
                          {"code":"WALK_6MIN","protocol":"walk-6min/1","lowerIsBetter":false,"withinAt":400},
                          {"code":"GRIP_STRENGTH","protocol":"grip/1","withinAt":"18"},
                          {"code":"CHAIR_STAND_30S","protocol":"chair-stand-30s/2","lowerIsBetter":false,"withinAt":1},
                          {"code":"SIT_AND_REACH","protocol":"chair-sit-and-reach/1","lowerIsBetter":false,"withinAt":5,"aboveAt":1},
                          {"code":"STEP_JUMP","protocol":"step-jump/1","lowerIsBetter":false,"withinAt":1}],
                 "recent":[{"code":"CHAIR_STAND_30S","trend":"SOARING","results":[
                              ["2026-11-02",14,"EXCELLENT"],["yesterday",3],{"day":"2026-11-09","value":15},
                              ["2026-11-09","15"],["2026-11-16",16,"WITHIN","x"]]},
                           {"code":"WALK_6MIN","results":[["2026-11-02",400]]}]}""")
                .members().getFirst().results();
        assertThat(read.year()).isEqualTo(2026);
        assertThat(read.bands()).containsExactly(CHAIR);
        RecentResults chair = read.recent(MeasurementCode.CHAIR_STAND_30S).orElseThrow();
        assertThat(chair.trend()).isEqualTo(RecentResults.Trend.NOT_CALLED);
        assertThat(chair.results()).containsExactly(
                new RecentResults.Result(LocalDate.parse("2026-11-02"), n("14"), null),
                new RecentResults.Result(LocalDate.parse("2026-11-16"), n("16"), ResultBand.WITHIN));
        assertThat(read.recent()).hasSize(1);
        assertThat(read.band(MeasurementCode.GRIP_STRENGTH, n("10"), "grip/1", TODAY)).isEqualTo(Optional.empty());
    }
}
