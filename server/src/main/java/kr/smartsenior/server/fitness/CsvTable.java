package kr.smartsenior.server.fitness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A norms data file: UTF-8, {@code #} lines are its header (sources), the first other line names
 * the columns, no quoted fields. Every error names the file and the line.
 */
final class CsvTable {

    private final String name;
    private final List<String> columns;
    private final List<Row> rows;

    /** One data line, read by column name. */
    record Row(String file, int line, Map<String, String> values) {

        String text(String column) {
            String value = values.get(column);
            if (value == null) {
                throw new NormsException(file, line, "no column " + column);
            }
            return value;
        }

        double number(String column) {
            try {
                return Double.parseDouble(text(column));
            } catch (NumberFormatException e) {
                throw new NormsException(file, line, column + " is not a number: " + text(column));
            }
        }

        int integer(String column) {
            try {
                return Integer.parseInt(text(column));
            } catch (NumberFormatException e) {
                throw new NormsException(file, line, column + " is not a whole number: " + text(column));
            }
        }

        <T> T parse(String column, Function<String, T> parser) {
            try {
                return parser.apply(text(column));
            } catch (IllegalArgumentException e) {
                throw new NormsException(file, line, column + ": " + e.getMessage());
            }
        }

        NormsException error(String message) {
            return new NormsException(file, line, message);
        }
    }

    private CsvTable(String name, List<String> columns, List<Row> rows) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
    }

    static CsvTable load(String resource) {
        try (InputStream in = CsvTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NormsException(resource, 0, "missing from the classpath");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static CsvTable parse(String name, String text) {
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.contains("\"")) {
                throw new NormsException(name, i + 1, "quoted fields are not supported");
            }
            List<String> cells = List.of(line.split(",", -1)).stream().map(String::strip).toList();
            if (columns == null) {
                columns = cells;
                continue;
            }
            if (cells.size() != columns.size()) {
                throw new NormsException(name, i + 1, "has " + cells.size() + " fields, the header names "
                        + columns.size());
            }
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                values.put(columns.get(c), cells.get(c));
            }
            rows.add(new Row(name, i + 1, values));
        }
        if (columns == null || rows.isEmpty()) {
            throw new NormsException(name, 0, "has no data rows");
        }
        return new CsvTable(name, columns, List.copyOf(rows));
    }

    String name() {
        return name;
    }

    List<String> columns() {
        return columns;
    }

    List<Row> rows() {
        return rows;
    }
}
