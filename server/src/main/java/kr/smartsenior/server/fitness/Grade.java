package kr.smartsenior.server.fitness;

/**
 * How one result compares with its norm. Where a Korean norm applies it is the grade, and the US
 * norm the same result was graded against before is kept as {@code secondary}.
 *
 * @param band       below, within or above the usual range, or not graded
 * @param percentile estimated percentile (1-99, higher is better) where the norm allows, else null
 * @param grade      the 국민체력100 grade 1-3: official where {@code population} is Korean, else derived
 *                   from the US percentiles (null: below grade 3, no norm, or a secondary reference)
 * @param reference  the norm used, with its numbers and source (Korean, for staff)
 * @param population whom the norm describes (Korean, for staff), or null when not graded
 * @param note       why it is not graded, or what to keep in mind (Korean, for staff), or null
 * @param secondary  the same result against the second reference (the US norm), or null
 */
public record Grade(Band band, Integer percentile, Integer grade, String reference, String population, String note,
        Grade secondary) {

    static Grade notGraded(String note) {
        return new Grade(Band.NOT_GRADED, null, null, null, null, note, null);
    }
}
