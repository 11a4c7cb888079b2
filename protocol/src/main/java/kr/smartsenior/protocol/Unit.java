package kr.smartsenior.protocol;

/** Units as written on the wire: exactly {@code count}, {@code s}, {@code kg}, {@code cm}. */
public enum Unit {
    COUNT("count"),
    SECONDS("s"),
    KILOGRAMS("kg"),
    CENTIMETRES("cm");

    private final String wireName;

    Unit(String wireName) {
        this.wireName = wireName;
    }

    /** The exact text used in JSON. */
    public String wireName() {
        return wireName;
    }
}
