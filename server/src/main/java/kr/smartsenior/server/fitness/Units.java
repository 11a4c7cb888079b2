package kr.smartsenior.server.fitness;

/** Units and sexes as staff read them. */
final class Units {

    private Units() {
    }

    /** The Korean unit of a wire unit ({@code count} 회, {@code s} 초; kg, cm and % unchanged). */
    static String korean(String unit) {
        return switch (unit) {
            case "count" -> "회";
            case "s" -> "초";
            default -> unit == null ? "" : unit;
        };
    }

    /** A value with its unit: "12회", "21.5 kg", "8.1초". */
    static String value(double value, String unit) {
        String u = korean(unit);
        boolean spaced = u.equals("kg") || u.equals("cm") || u.equals("m");
        return Numbers.plain(value) + (spaced ? " " : "") + u;
    }

    static String sex(String sex) {
        return "F".equals(sex) ? "여성" : "M".equals(sex) ? "남성" : sex;
    }
}
