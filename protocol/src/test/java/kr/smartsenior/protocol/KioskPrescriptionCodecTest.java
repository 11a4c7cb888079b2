package kr.smartsenior.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roster's prescription on the wire: written by the server, read leniently by every kiosk. */
class KioskPrescriptionCodecTest {

    private final ProtocolCodec codec = new ProtocolCodec();

    private static final KioskPrescription PLAN = new KioskPrescription(3, OffsetDateTime.parse("2026-11-21T01:00:00Z"),
            List.of("넘어질 위험이 있어 ...", "밸런스 2단계를 10분, 일주일에 3번 해요."),
            List.of(new KioskPrescription.Program(MeasurementCode.BALANCE, "밸런스", 2, 10, 3)),
            List.of(new KioskPrescription.Restriction(RestrictionCode.FALL_HIGH, "넘어질 위험이 있어 ...")));

    private Roster roster(String prescriptionJson) {
        String json = """
                {"siteId":"ydp-01","version":5,"issuedAt":"2026-11-21T09:00:00Z",
                 "members":[{"memberId":"M7K2Q9XD4T","displayName":"김순자","tokenHash":"ab","cardVersion":1,
                             "prescription":%s}]}""".formatted(prescriptionJson);
        Decoded<Roster> decoded = codec.decodeRoster(json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).as(prescriptionJson).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok<Roster>) decoded).value();
    }

    private KioskPrescription read(String prescriptionJson) {
        return roster(prescriptionJson).members().getFirst().prescription();
    }

    @Test
    void roundTripsWithCodesAsTheyTravel() {
        String json = new String(codec.encode(PLAN), StandardCharsets.UTF_8);
        assertThat(json).contains("\"code\":\"SAFE-FALL-HIGH\"").contains("\"code\":\"BALANCE\"");
        assertThat(read(json)).isEqualTo(PLAN);
    }

    @Test
    void noneIsAnEmptyObjectBothWays() {
        assertThat(new String(codec.encode(KioskPrescription.NONE), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(read("{}")).isEqualTo(KioskPrescription.NONE);
        assertThat(read("null")).isEqualTo(KioskPrescription.NONE);
        assertThat(read("\"DROP TABLE\"")).isEqualTo(KioskPrescription.NONE);
    }

    @Test
    void aNewerServersFieldsAndCodesKeepTheRosterReadableAndStayOnTheSafeSide() {
        KioskPrescription newer = read("""
                {"version":9,"issuedAt":"2027-03-01T00:00:00Z","lines":["a", 7, "b"],"colour":"green",
                 "programs":[{"code":"YOGA","level":1,"minutes":10,"perWeek":2},
                             {"code":"BALANCE","level":2,"minutes":15,"perWeek":3,"tempo":"slow"},
                             {"code":"STEP_JUMP","level":2.5,"minutes":10},
                             {"code":"INTERVAL","level":9},
                             {"code":"CHAIR_STAND_30S","level":1},
                             "STEP_JUMP"],
                 "restrictions":[{"code":"SAFE-BP-CRISIS","text":"새 제한"},{"code":"SAFE-BP-HIGH","text":"혈압"},
                                 {"text":"코드 없음"}, 5]}""");
        assertThat(newer.version()).isEqualTo(9);
        assertThat(newer.lines()).containsExactly("a", "b");
        assertThat(newer.programs()).containsExactly(new KioskPrescription.Program(MeasurementCode.BALANCE, "밸런스", 2, 15, 3));
        assertThat(newer.restrictions()).extracting(KioskPrescription.Restriction::code).containsExactly(
                RestrictionCode.UNKNOWN, RestrictionCode.BP_HIGH, RestrictionCode.UNKNOWN, RestrictionCode.UNKNOWN);
        assertThat(RestrictionCode.UNKNOWN.forbids(MeasurementCode.INTERVAL)).isTrue();
        assertThat(RestrictionCode.UNKNOWN.withSupport()).isTrue();
    }

    @Test
    void restrictionsThatAreNotAListReadAsOneUnknownRestriction() {
        assertThat(read("{\"programs\":[],\"restrictions\":7}").restrictionCodes()).containsExactly(RestrictionCode.UNKNOWN);
    }

    @Test
    void rosterFieldsOutsideThePrescriptionAreStillStrict() {
        assertThat(codec.decodeRoster("{\"siteId\":\"a\",\"members\":[{\"cardVersion\":\"x\"}]}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(Decoded.Malformed.class);
    }
}
