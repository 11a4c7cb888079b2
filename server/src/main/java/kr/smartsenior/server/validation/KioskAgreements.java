package kr.smartsenior.server.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.server.fitness.KioskValidation;
import kr.smartsenior.server.fitness.SmallestRealChange;
import org.springframework.stereotype.Component;

/**
 * 검증 측정 per test and site: the kiosk's results against staff hand timing of the same trials
 * ({@link Agreement}), and which tests are validated. A test is validated at a site once at least
 * {@link #MINIMUM_PAIRS} pairs by today's procedure agree within the test's smallest real change (see
 * {@code docs/fitness-norms.md}, "검증 측정").
 */
@Component
public final class KioskAgreements implements KioskValidation {

    /**
     * Pairs needed before a test can be validated at a site: with 30 pairs each 95 % limit of agreement
     * is known to about ± 0.62 SD (Bland &amp; Altman 1986: SE of a limit ≈ sqrt(3 SD² / n)); the
     * criterion also widens the limits by that amount, so a small sample cannot pass by luck.
     */
    public static final int MINIMUM_PAIRS = 30;
    /** The fall-risk evaluation asks once per senior; a site's answer is reused this long. */
    static final Duration REUSE_FOR = Duration.ofSeconds(60);
    /** The tests that raise fall-risk flags: always listed, even without pairs. */
    static final List<MeasurementCode> FALL_RISK_TESTS = List.of(MeasurementCode.TIMED_UP_AND_GO,
            MeasurementCode.ONE_LEG_STANCE, MeasurementCode.CHAIR_STAND_30S);

    private final HandReferences references;
    private final SmallestRealChange smallestRealChange;
    private final Clock clock;
    private final Map<String, Validated> recent = new ConcurrentHashMap<>();

    private record Validated(Instant at, Set<MeasurementCode> codes) {
    }

    KioskAgreements(HandReferences references, SmallestRealChange smallestRealChange, Clock clock) {
        this.references = references;
        this.smallestRealChange = smallestRealChange;
        this.clock = clock;
    }

    /** Every test of the site with its agreement: the fall-risk tests first, then any other with pairs. */
    public List<TestAgreement> ofSite(String siteId) {
        Map<MeasurementCode, List<double[]>> pairs = new LinkedHashMap<>();
        Map<MeasurementCode, Integer> unreadable = new LinkedHashMap<>();
        FALL_RISK_TESTS.forEach(code -> pairs.put(code, new ArrayList<>()));
        for (HandReferences.Pair pair : references.ofSite(siteId)) {
            Optional<MeasurementCode> code = MeasurementCode.fromWire(pair.code());
            if (code.isEmpty() || !todaysProcedure(code.get(), pair.protocol())) {
                continue;
            }
            List<double[]> list = pairs.computeIfAbsent(code.get(), c -> new ArrayList<>());
            if (pair.hand() instanceof Number hand && Double.isFinite(hand.doubleValue()) && hand.doubleValue() >= 0) {
                list.add(new double[] {pair.kiosk().doubleValue(), hand.doubleValue()});
            } else {
                unreadable.merge(code.get(), 1, Integer::sum);
            }
        }
        List<TestAgreement> agreements = new ArrayList<>();
        pairs.forEach((code, list) -> agreements.add(agreement(siteId, code, list, unreadable.getOrDefault(code, 0))));
        Set<MeasurementCode> validated = EnumSet.noneOf(MeasurementCode.class);
        agreements.stream().filter(TestAgreement::validated).forEach(a -> validated.add(MeasurementCode.valueOf(a.code())));
        recent.put(siteId, new Validated(clock.instant(), validated));
        return agreements;
    }

    @Override
    public Set<MeasurementCode> validatedAt(String siteId) {
        Validated known = recent.get(siteId);
        if (known != null && !known.at().isBefore(clock.instant().minus(REUSE_FOR))) {
            return known.codes();
        }
        ofSite(siteId);
        return recent.get(siteId).codes();
    }

    /** Only results by the procedure the kiosk uses today are compared (a record without one is not a kiosk's). */
    static boolean todaysProcedure(MeasurementCode code, Object protocol) {
        return MeasurementProtocol.read(protocol) instanceof MeasurementProtocol.Reading.Known known
                && known.protocol() == MeasurementProtocol.of(code);
    }

    TestAgreement agreement(String siteId, MeasurementCode code, List<double[]> pairs, int unreadable) {
        Optional<SmallestRealChange.Threshold> threshold = smallestRealChange.of(code);
        Agreement agreement = pairs.size() >= 2 ? Agreement.of(pairs) : null;
        boolean validated = agreement != null && threshold.isPresent() && pairs.size() >= MINIMUM_PAIRS
                && agreement.within(threshold.get().value());
        String status;
        if (validated) {
            status = "검증 완료";
        } else if (threshold.isEmpty()) {
            status = "검증 전: 이 검사는 최소 변화량(MDC) 기준이 없어요";
        } else if (pairs.size() < MINIMUM_PAIRS) {
            status = "검증 전: 손 측정 비교 " + pairs.size() + "/" + MINIMUM_PAIRS + "건";
        } else {
            status = "검증 전: 키오스크와 손 측정의 차이가 최소 변화량(" + plain(threshold.get().value()) + " "
                    + code.unit().wireName() + ")보다 커요";
        }
        return new TestAgreement(siteId, code.name(), code.koreanName(), code.unit().wireName(),
                MeasurementProtocol.of(code).id(), pairs.size(), unreadable,
                agreement == null ? null : round(agreement.meanDifference()),
                agreement == null ? null : round(agreement.sd()),
                agreement == null ? null : round(agreement.lowerLimit()),
                agreement == null ? null : round(agreement.upperLimit()),
                agreement == null ? null : round(agreement.limitCiHalfWidth()),
                threshold.map(t -> BigDecimal.valueOf(t.value())).orElse(null),
                threshold.map(SmallestRealChange.Threshold::provisional).orElse(false),
                threshold.map(SmallestRealChange.Threshold::source).orElse(null), MINIMUM_PAIRS, validated, status);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
