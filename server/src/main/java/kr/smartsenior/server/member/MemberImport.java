package kr.smartsenior.server.member;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A site's list of seniors from a CSV or Excel (.xlsx) file: every row is checked with the same
 * rules as {@code POST /api/members}, a dry run only reports, and a real import stores either every
 * row or — only when asked ({@code partial}) — the valid ones; a file with a broken row otherwise
 * stores nothing. All rows of one import are stored in one transaction.
 *
 * <p>The first row names the columns, in Korean or English: 이름/displayName, 출생연도/birthYear,
 * 성별/sex (여/남/F/M), 키/heightCm, 몸무게/weightKg, 동의일/consentDate, 동의자/consentBy,
 * 전화번호/phone (the senior's own, a Korean number: {@code PhoneNumbers}). Cell text
 * is kept as text (never evaluated); formula cells are refused.
 */
@Component
final class MemberImport {

    /**
     * The largest file read (2,000 rows are well under 1 MB): the server's multipart limit is raised for kiosk
     * releases (SSC_UPDATE_MAX_BUNDLE), and a list of seniors is read into memory, so it has a limit of its own.
     */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** The file's bytes, or {@link UnreadableFile} when it is larger than {@link #MAX_FILE_BYTES}. */
    static byte[] contentOf(org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new UnreadableFile("파일이 너무 큽니다 (최대 10 MB). 어르신 명단 파일이 맞는지 확인하세요");
        }
        return file.getBytes();
    }

    /** The most rows (seniors) one file may hold. */
    static final int MAX_ROWS = 2000;

    /** The columns, by the names a header may use (compared without spaces, case-insensitively). */
    enum Column {
        NAME("이름", "성명", "displayname", "name"),
        BIRTH_YEAR("출생연도", "출생년도", "birthyear"),
        SEX("성별", "sex"),
        HEIGHT("키", "키(cm)", "신장", "heightcm"),
        WEIGHT("몸무게", "몸무게(kg)", "체중", "weightkg"),
        CONSENT_DATE("동의일", "동의날짜", "consentdate"),
        CONSENT_BY("동의자", "동의한사람", "consentby"),
        PHONE("전화번호", "전화", "연락처", "휴대폰", "휴대전화", "핸드폰", "phone");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Column named(String header) {
            String key = header.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
            for (Column c : values()) {
                if (c.names.contains(key)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A problem with one row; {@code row} counts as a spreadsheet does (the header is usually row 1). */
    record RowError(int row, String field, String message) {
    }

    /**
     * One row as read and checked; {@code memberId} is set once it has been stored. {@code duplicate}
     * says, in Korean, whom the row repeats (a registered senior of the site with the same name and
     * birth year or the same phone, or an earlier row of the file), or is null; such a row is stored
     * only when confirmed. {@code phone} is the senior's number in hyphenated form, or null.
     */
    record ImportRow(int row, String displayName, Integer birthYear, String sex, BigDecimal heightCm,
            BigDecimal weightKg, String consentDate, String consentBy, List<RowError> errors, String memberId,
            String duplicate, String phone) {

        public boolean valid() {
            return errors.isEmpty();
        }

        public boolean repeated() {
            return duplicate != null;
        }

        ImportRow stored(String id) {
            return new ImportRow(row, displayName, birthYear, sex, heightCm, weightKg, consentDate, consentBy, errors,
                    id, duplicate, phone);
        }
    }

    /**
     * What an import did or would do.
     *
     * @param imported how many seniors were stored (0 for a dry run or a refused file)
     * @param refused  true when the file had broken rows and {@code partial} was not asked for
     * @param duplicates valid rows that repeat a registered senior or an earlier row
     * @param skipped  duplicates left out because they were not confirmed (0 for a dry run)
     */
    record Report(String siteId, boolean dryRun, boolean partial, int rows, int valid, int imported, boolean refused,
            List<RowError> errors, List<ImportRow> preview, int duplicates, int skipped) {
    }

    /** The file itself cannot be read (not CSV/xlsx, no header, too many rows). */
    static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message) {
            super(message);
        }
    }

    /** What the staff member reads for a field the registry's rules refuse. */
    private static final Map<String, String> KOREAN = Map.of(
            "displayName", "이름은 1~50자로, 줄바꿈이나 특수 제어 문자 없이 적어 주세요",
            "birthYear", "출생 연도는 " + BirthYear.EARLIEST + "년부터 올해까지입니다",
            "sex", "성별은 여 또는 남으로 적어 주세요",
            "heightCm", "키는 100~220 cm, 소수점 한 자리까지입니다",
            "weightKg", "몸무게는 25~200 kg, 소수점 한 자리까지입니다",
            "consentDate", "동의일은 오늘이나 그 이전 날짜여야 합니다",
            "consentBy", "동의자는 50자 이내로, 줄바꿈 없이 적어 주세요",
            "contacts.phone", PhoneNumbers.PROBLEM);

    private static final Charset KOREAN_WINDOWS = Charset.forName("MS949");

    private final MemberRepository members;
    private final Validator validator;
    private final TransactionTemplate transaction;

    MemberImport(MemberRepository members, Validator validator, TransactionTemplate transaction) {
        this.members = members;
        this.validator = validator;
        this.transaction = transaction;
    }

    /**
     * Reads, checks and (unless a dry run, or broken rows without {@code partial}) stores the rows.
     * A duplicate row is stored only when its row number is in {@code confirmed}; so the same file
     * imported twice stores nobody the second time.
     */
    Report run(String siteId, String fileName, byte[] content, boolean dryRun, boolean partial,
            java.util.Set<Integer> confirmed, String staff) {
        List<RawRow> raw = read(fileName, content);
        return transaction.execute(status -> {
            // checked in the transaction that stores, so two imports at once cannot both miss the other's rows
            List<ImportRow> rows = check(siteId, raw);
            List<RowError> errors = rows.stream().flatMap(r -> r.errors().stream()).toList();
            int valid = (int) rows.stream().filter(ImportRow::valid).count();
            int duplicates = (int) rows.stream().filter(r -> r.valid() && r.repeated()).count();
            boolean refused = !dryRun && !errors.isEmpty() && !partial;
            if (dryRun || refused || valid == 0) {
                return new Report(siteId, dryRun, partial, rows.size(), valid, 0, refused, errors, rows, duplicates, 0);
            }
            List<ImportRow> stored = rows.stream()
                    .map(r -> r.valid() && (!r.repeated() || confirmed.contains(r.row())) ? store(siteId, r, staff) : r)
                    .toList();
            int imported = (int) stored.stream().filter(r -> r.memberId() != null).count();
            int skipped = (int) stored.stream().filter(r -> r.valid() && r.memberId() == null).count();
            return new Report(siteId, false, partial, rows.size(), valid, imported, false, errors, stored, duplicates,
                    skipped);
        });
    }

    private ImportRow store(String siteId, ImportRow row, String staff) {
        return row.stored(members.create(request(siteId, row), staff).id());
    }

    /**
     * A phone number's digits (what two spellings of one number share: 010-1234-5678, 010 1234 5678,
     * 01012345678), or null for none: the other way a repeated senior is recognised.
     */
    static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    /** Name (spaces dropped, case ignored) and birth year: how a repeated senior is recognised. */
    static String identity(String name, Integer birthYear) {
        return name.replaceAll("\\s", "").toLowerCase(Locale.ROOT) + "|" + birthYear;
    }

    /** The cells of each data row by column, with its spreadsheet row number (header = 1). */
    record RawRow(int row, Map<Column, String> cells, List<RowError> errors) {
    }

    static List<RawRow> read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new UnreadableFile("the file is empty");
        }
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (zip || name.endsWith(".xlsx")) {
            return readExcel(content);
        }
        if (name.endsWith(".xls")) {
            throw new UnreadableFile("old .xls files are not supported: save as .xlsx or CSV");
        }
        return readCsv(decode(content));
    }

    /** UTF-8 (with or without BOM), else the Windows Korean code page Excel uses for "CSV". */
    static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, KOREAN_WINDOWS);
        }
    }

    private static List<RawRow> readCsv(String text) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<List<String>> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() > MAX_ROWS) {
                    throw new UnreadableFile("more than " + MAX_ROWS + " rows: split the file");
                }
                lines.add(record.toList());
            }
            return table(lines, null);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableFile("not a readable CSV file: " + e.getMessage());
        }
    }

    private static List<RawRow> readExcel(byte[] content) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw new UnreadableFile("the workbook has no sheet");
            }
            Sheet sheet = book.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new UnreadableFile("more than " + MAX_ROWS + " rows: split the file");
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<List<String>> lines = new ArrayList<>();
            Map<Integer, String> formulas = new LinkedHashMap<>();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        if (cell != null && cell.getCellType() == CellType.FORMULA) {
                            formulas.putIfAbsent(lines.size(), "수식은 읽지 않습니다: 값을 직접 적어 주세요");
                            cells.add("");
                        } else if (cell != null && cell.getCellType() == CellType.NUMERIC
                                && DateUtil.isCellDateFormatted(cell)) {
                            cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                        } else {
                            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                        }
                    }
                }
                lines.add(cells);
            }
            return table(lines, formulas);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new UnreadableFile("not a readable .xlsx file");
        }
    }

    /** Maps lines to columns by the first non-empty line (the header); blank lines are skipped. */
    private static List<RawRow> table(List<List<String>> lines, Map<Integer, String> lineErrors) {
        int headerAt = 0;
        while (headerAt < lines.size() && blank(lines.get(headerAt))) {
            headerAt++;
        }
        if (headerAt == lines.size()) {
            throw new UnreadableFile("the file has no header row");
        }
        List<String> header = lines.get(headerAt);
        Column[] columns = new Column[header.size()];
        for (int i = 0; i < header.size(); i++) {
            columns[i] = Column.named(header.get(i) == null ? "" : header.get(i));
        }
        List<Column> found = java.util.Arrays.stream(columns).filter(java.util.Objects::nonNull).toList();
        for (Column required : List.of(Column.NAME, Column.BIRTH_YEAR, Column.SEX)) {
            if (!found.contains(required)) {
                throw new UnreadableFile("the header needs the columns 이름, 출생연도 and 성별");
            }
        }
        List<RawRow> rows = new ArrayList<>();
        for (int l = headerAt + 1; l < lines.size(); l++) {
            List<String> line = lines.get(l);
            if (blank(line)) {
                continue;
            }
            Map<Column, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(line.size(), columns.length); i++) {
                if (columns[i] != null) {
                    cells.put(columns[i], line.get(i) == null ? "" : line.get(i).strip());
                }
            }
            List<RowError> errors = new ArrayList<>();
            if (lineErrors != null && lineErrors.containsKey(l)) {
                errors.add(new RowError(l + 1, "file", lineErrors.get(l)));
            }
            rows.add(new RawRow(l + 1, cells, errors));
        }
        return rows;
    }

    private static boolean blank(List<String> line) {
        return line.stream().allMatch(c -> c == null || c.isBlank());
    }

    /**
     * Checks each row with the registry's rules and marks duplicates (of a senior registered at the
     * site, or of an earlier row); the site is the one imported into.
     */
    List<ImportRow> check(String siteId, List<RawRow> raw) {
        Map<String, String> registered = new java.util.HashMap<>();
        Map<String, String> registeredPhones = new java.util.HashMap<>();
        if (members != null) {
            for (Member m : members.ofSite(siteId)) {
                registered.putIfAbsent(identity(m.displayName(), m.birthYear()), m.id());
                String phone = phoneKey(m.contacts().phone());
                if (phone != null) {
                    registeredPhones.putIfAbsent(phone, m.id());
                }
            }
        }
        Map<String, Integer> earlier = new java.util.HashMap<>();
        Map<String, Integer> earlierPhones = new java.util.HashMap<>();
        List<ImportRow> rows = new ArrayList<>();
        for (RawRow r : raw) {
            List<RowError> errors = new ArrayList<>(r.errors());
            String name = r.cells().getOrDefault(Column.NAME, "");
            if (name.isEmpty()) {
                errors.add(new RowError(r.row(), "displayName", "이름을 적어 주세요"));
            }
            Integer birthYear = integer(r, Column.BIRTH_YEAR, errors);
            if (r.cells().getOrDefault(Column.BIRTH_YEAR, "").isEmpty()) {
                errors.add(new RowError(r.row(), "birthYear", "출생연도를 적어 주세요"));
            }
            String rawSex = r.cells().getOrDefault(Column.SEX, "");
            String sex = sex(rawSex);
            if (sex == null) {
                errors.add(new RowError(r.row(), "sex", rawSex.isEmpty() ? "성별을 적어 주세요 (여 또는 남)"
                        : "성별은 여 또는 남으로 적어 주세요"));
            }
            BigDecimal height = decimal(r, Column.HEIGHT, "heightCm", errors);
            BigDecimal weight = decimal(r, Column.WEIGHT, "weightKg", errors);
            String consentDate = r.cells().getOrDefault(Column.CONSENT_DATE, "");
            String consentBy = r.cells().getOrDefault(Column.CONSENT_BY, "");
            MemberRequest.ConsentRequest consent = null;
            if (!consentDate.isEmpty()) {
                try {
                    consent = new MemberRequest.ConsentRequest(LocalDate.parse(consentDate),
                            consentBy.isEmpty() ? "본인" : consentBy);
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(r.row(), "consentDate", "동의일은 2026-01-05 형식으로 적어 주세요"));
                }
            } else if (!consentBy.isEmpty()) {
                errors.add(new RowError(r.row(), "consentDate", "동의자가 있으면 동의일도 적어 주세요"));
            }
            String typedPhone = r.cells().getOrDefault(Column.PHONE, "");
            if (typedPhone.matches("[1-9]\\d{8,9}")) {
                typedPhone = "0" + typedPhone; // Excel kept 010-… typed as a number, without its leading 0
            }
            MemberRequest request = new MemberRequest(siteId, name.isEmpty() ? null : name, birthYear, sex, height,
                    weight, consent, typedPhone.isEmpty() ? null
                            : new MemberRequest.ContactsRequest(typedPhone, null, null, null));
            for (ConstraintViolation<MemberRequest> v : validator.validate(request)) {
                String field = v.getPropertyPath().toString().replace("consent.date", "consentDate")
                        .replace("consent.by", "consentBy");
                if (errors.stream().noneMatch(e -> e.field().equals(field))) { // one message per field
                    errors.add(new RowError(r.row(), field, KOREAN.getOrDefault(field, v.getMessage())));
                }
            }
            String duplicate = null;
            String phone = null;
            if (errors.isEmpty()) {
                phone = request.contacts() == null ? null : request.contacts().toContacts().phone();
                String key = identity(request.displayName(), birthYear);
                String phoneKey = phoneKey(phone);
                if (registered.containsKey(key)) {
                    duplicate = "이미 등록된 어르신과 이름·출생연도가 같습니다 (번호 " + registered.get(key) + ")";
                } else if (phoneKey != null && registeredPhones.containsKey(phoneKey)) {
                    duplicate = "이미 등록된 어르신과 전화번호가 같습니다 (번호 " + registeredPhones.get(phoneKey) + ")";
                } else if (earlier.containsKey(key)) {
                    duplicate = earlier.get(key) + "번째 줄과 이름·출생연도가 같습니다";
                } else if (phoneKey != null && earlierPhones.containsKey(phoneKey)) {
                    duplicate = earlierPhones.get(phoneKey) + "번째 줄과 전화번호가 같습니다";
                } else {
                    earlier.put(key, r.row());
                    if (phoneKey != null) {
                        earlierPhones.put(phoneKey, r.row());
                    }
                }
            }
            rows.add(new ImportRow(r.row(), request.displayName(), birthYear, sex, height, weight,
                    consent == null ? null : consent.date().toString(), consent == null ? null : consent.by(),
                    List.copyOf(errors), null, duplicate, phone));
        }
        return rows;
    }

    private static MemberRequest request(String siteId, ImportRow row) {
        MemberRequest.ConsentRequest consent = row.consentDate() == null ? null
                : new MemberRequest.ConsentRequest(LocalDate.parse(row.consentDate()), row.consentBy());
        return new MemberRequest(siteId, row.displayName(), row.birthYear(), row.sex(), row.heightCm(),
                row.weightKg(), consent, row.phone() == null ? null
                        : new MemberRequest.ContactsRequest(row.phone(), null, null, null));
    }

    static String sex(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "F", "여", "여성", "여자" -> "F";
            case "M", "남", "남성", "남자" -> "M";
            default -> null;
        };
    }

    private static Integer integer(RawRow r, Column column, List<RowError> errors) {
        String text = r.cells().getOrDefault(column, "");
        if (text.isEmpty()) {
            return null; // the validator reports the missing value
        }
        try {
            return Integer.valueOf(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
        } catch (NumberFormatException e) {
            errors.add(new RowError(r.row(), "birthYear", "출생 연도를 숫자 4자리로 적어 주세요"));
            return null;
        }
    }

    private static BigDecimal decimal(RawRow r, Column column, String field, List<RowError> errors) {
        String text = r.cells().getOrDefault(column, "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.add(new RowError(r.row(), field, "숫자로 적어 주세요"));
            return null;
        }
    }
}
