package kr.smartsenior.server.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import kr.smartsenior.protocol.MeasurementCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A site's stored results, one row per result (the senior's id, name, birth year and sex, when,
 * which test or exercise, value and unit), as Excel (streamed, so a site's three years fit in little
 * memory) or as CSV in UTF-8 with a byte-order mark (so Excel shows Korean) and with every text cell
 * that a spreadsheet would read as a formula prefixed by an apostrophe.
 */
@Component
final class ResultExport {

    static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    static final List<String> HEADER = List.of("어르신 번호", "이름", "출생 연도", "성별", "측정 일시", "종류", "항목 코드",
            "항목", "값", "단위");
    /** Rows of an Excel export kept in memory while streaming. */
    private static final int EXCEL_WINDOW = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One exported result. */
    record Line(String memberId, String name, int birthYear, String sex, long takenAtMs, String kind, String code,
            BigDecimal value, String unit) {

        List<String> texts() {
            return List.of(memberId, name, String.valueOf(birthYear), "F".equals(sex) ? "여" : "남",
                    WHEN.format(Instant.ofEpochMilli(takenAtMs).atZone(ZONE)), kindText(kind),
                    code, koreanName(code), value.toPlainString(), unit);
        }
    }

    private static String kindText(String kind) {
        return switch (kind) {
            case "test" -> "검사";
            case "exercise" -> "운동";
            case "check" -> "응답";
            default -> kind;
        };
    }

    private final JdbcClient jdbc;

    ResultExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The site's results from {@code fromMs} (inclusive) to {@code toMs} (exclusive), by name, then time. */
    void each(String siteId, long fromMs, long toMs, Consumer<Line> sink) {
        jdbc.sql("""
                SELECT m.id, m.display_name, m.birth_year, m.sex, r.taken_at_ms, r.kind, r.code, r.value, r.unit
                FROM measurement r JOIN member m ON m.id = r.member_id
                WHERE m.site_id = ? AND m.anonymised = 0 AND r.taken_at_ms >= ? AND r.taken_at_ms < ?
                ORDER BY m.display_name, m.id, r.taken_at_ms, r.id""")
                .params(siteId, fromMs, toMs)
                .query(rs -> {
                    sink.accept(new Line(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), new BigDecimal(rs.getString(8)), rs.getString(9)));
                });
    }

    /** Writes the CSV: BOM, header, one line per result; returns the number of results. */
    int csv(String siteId, long fromMs, long toMs, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        int[] count = {0};
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(HEADER.stream().map(ResultExport::safe).toList());
            IOException[] failure = {null};
            each(siteId, fromMs, toMs, line -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    List<String> cells = line.texts();
                    // the value is a number the server formatted (a negative reach is "-3"); everything else is text
                    printer.printRecord(java.util.stream.IntStream.range(0, cells.size())
                            .mapToObj(i -> i == 8 ? cells.get(i) : safe(cells.get(i))).toList());
                    count[0]++;
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        return count[0];
    }

    /** Writes the workbook (one sheet, header row frozen); returns the number of results. */
    int excel(String siteId, long fromMs, long toMs, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(EXCEL_WINDOW)) {
            SXSSFSheet sheet = book.createSheet("결과");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] count = {0};
            each(siteId, fromMs, toMs, line -> {
                Row row = sheet.createRow(++count[0]);
                List<String> cells = line.texts();
                for (int i = 0; i < cells.size(); i++) {
                    if (i == 2) {
                        row.createCell(i).setCellValue(line.birthYear());
                    } else if (i == 8) {
                        row.createCell(i).setCellValue(line.value().doubleValue());
                    } else {
                        row.createCell(i).setCellValue(cells.get(i)); // a string cell: never evaluated
                    }
                }
            });
            widths(sheet);
            book.write(out);
            return count[0];
        }
    }

    private static void widths(Sheet sheet) {
        int[] chars = {12, 14, 9, 6, 17, 6, 20, 24, 8, 8};
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256 + 512);
        }
    }

    /**
     * A CSV cell a spreadsheet would read as a formula ({@code = + - @}, or a leading tab or carriage
     * return) gets a leading apostrophe, as OWASP recommends against CSV injection.
     */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String koreanName(String code) {
        try {
            return MeasurementCode.valueOf(code).koreanName();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
