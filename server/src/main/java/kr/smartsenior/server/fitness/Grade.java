package kr.smartsenior.server.fitness;

/**
 * How one result compares with its norm.
 *
 * @param band       below, within or above the normal range, or not graded
 * @param percentile estimated percentile (1-99, higher is better) where the norm allows, else null
 * @param grade      derived 국민체력100-style grade 1-3 where the norm allows (null: below grade 3 or no norm)
 * @param reference  the norm used, with its numbers and source
 * @param note       why it is not graded, or what to keep in mind (estimates, extrapolation), or null
 */
public record Grade(Band band, Integer percentile, Integer grade, String reference, String note) {

    static Grade notGraded(String note) {
        return new Grade(Band.NOT_GRADED, null, null, null, note);
    }
}
