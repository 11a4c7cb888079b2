package kr.smartsenior.server.site;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a senior center is open, per weekday: {@code {"mon": "09:00-18:00", "sat": "09:00-12:00,13:00-15:00"}}.
 * A day that is missing (or empty) is closed; {@code 24:00} ends a range at midnight. The fleet alerts
 * about an offline kiosk only while its site is open.
 */
public final class OpeningHours {

    private static final Pattern RANGE = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-(([01]\\d|2[0-3]):([0-5]\\d)|24:00)");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);
    private static final int MAX_RANGES_PER_DAY = 4;

    private final Map<DayOfWeek, List<Range>> days;

    private OpeningHours(Map<DayOfWeek, List<Range>> days) {
        this.days = days;
    }

    /** Open every day around the clock: what a site without opening hours is taken to be. */
    public static OpeningHours always() {
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(new Range(LocalTime.MIN, null)));
        }
        return new OpeningHours(days);
    }

    /** Why these hours cannot be read, or empty when they can. */
    public static Optional<String> problem(Map<String, String> hours) {
        try {
            parse(hours);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Reads the weekday map.
     *
     * @throws IllegalArgumentException naming the day and what is wrong with it
     */
    public static OpeningHours parse(Map<String, String> hours) {
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        if (hours == null) {
            return always();
        }
        for (Map.Entry<String, String> entry : hours.entrySet()) {
            DayOfWeek day = DAYS.get(entry.getKey() == null ? "" : entry.getKey().toLowerCase(Locale.ROOT));
            if (day == null) {
                throw new IllegalArgumentException("unknown day '" + clip(entry.getKey()) + "' (use mon, tue, wed, thu, fri, sat, sun)");
            }
            String text = entry.getValue() == null ? "" : entry.getValue().strip();
            List<Range> ranges = new ArrayList<>();
            if (!text.isEmpty()) {
                String[] parts = text.split(",");
                if (parts.length > MAX_RANGES_PER_DAY) {
                    throw new IllegalArgumentException(entry.getKey() + ": at most " + MAX_RANGES_PER_DAY + " ranges");
                }
                for (String part : parts) {
                    ranges.add(range(entry.getKey(), part.strip()));
                }
            }
            days.put(day, List.copyOf(ranges));
        }
        return new OpeningHours(days);
    }

    private static Range range(String day, String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(day + ": '" + clip(text) + "' is not HH:MM-HH:MM");
        }
        LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        LocalTime to = "24:00".equals(m.group(3)) ? null : LocalTime.parse(m.group(3));
        if (to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException(day + ": '" + text + "' ends before it starts");
        }
        return new Range(from, to);
    }

    /** Whether the site is open at this moment, read in the moment's own zone. */
    public boolean isOpen(ZonedDateTime at) {
        LocalTime time = at.toLocalTime();
        return days.getOrDefault(at.getDayOfWeek(), List.of()).stream().anyMatch(range -> range.contains(time));
    }

    /** The weekday map, in the form {@link #parse} reads, days in order, closed days left out. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Range> ranges = days.getOrDefault(day, List.of());
            if (!ranges.isEmpty()) {
                map.put(day.name().substring(0, 3).toLowerCase(Locale.ROOT),
                        String.join(",", ranges.stream().map(Range::toString).toList()));
            }
        }
        return map;
    }

    private static String clip(String text) {
        return text == null ? "null" : text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    /** From {@code from} to {@code to}; {@code to == null} means midnight at the end of the day. */
    private record Range(LocalTime from, LocalTime to) {
        boolean contains(LocalTime time) {
            return !time.isBefore(from) && (to == null || time.isBefore(to));
        }

        @Override
        public String toString() {
            return from + "-" + (to == null ? "24:00" : to.toString());
        }
    }
}
