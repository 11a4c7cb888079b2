package kr.smartsenior.server.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MemberImportTest {

    /** The registry's own validators are package-private, as Spring instantiates them; so does this factory. */
    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .constraintValidatorFactory(new jakarta.validation.ConstraintValidatorFactory() {
                @Override
                public <T extends jakarta.validation.ConstraintValidator<?, ?>> T getInstance(Class<T> type) {
                    try {
                        var constructor = type.getDeclaredConstructor();
                        constructor.setAccessible(true);
                        return constructor.newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void releaseInstance(jakarta.validation.ConstraintValidator<?, ?> instance) {
                }
            }).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private final MemberImport imports = new MemberImport(null, VALIDATOR, null);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void readsUtf8CsvWithBomQuotesAndKoreanHeaders() {
        String csv = "\uFEFF이름,출생연도,성별,키,몸무게,동의일,동의자\r\n"
                + "김순자,1944,여,152.5,,2026-01-05,본인\r\n"
                + "\"박, 영수\",1940,M,,,,\r\n\r\n";
        List<MemberImport.ImportRow> rows = imports.check("site-a",
                MemberImport.read("list.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows).hasSize(2).allMatch(MemberImport.ImportRow::valid);
        assertThat(rows.get(0).displayName()).isEqualTo("김순자");
        assertThat(rows.get(0).sex()).isEqualTo("F");
        assertThat(rows.get(0).heightCm()).isEqualByComparingTo("152.5");
        assertThat(rows.get(0).consentDate()).isEqualTo("2026-01-05");
        assertThat(rows.get(1).displayName()).isEqualTo("박, 영수");
        assertThat(rows.get(1).row()).isEqualTo(3);
    }

    @Test
    void aBlankFieldAsksForItAndOnlyAWrongValueGetsTheRange() {
        String csv = "이름,출생연도,성별\n김순자,,여\n이말순,1850,여\n,1944,\n";
        List<MemberImport.ImportRow> rows = imports.check("site-a",
                MemberImport.read("list.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.get(0).errors()).extracting(MemberImport.RowError::message).containsExactly("출생연도를 적어 주세요");
        assertThat(rows.get(1).errors()).extracting(MemberImport.RowError::message)
                .containsExactly("출생 연도는 1900년부터 올해까지입니다");
        assertThat(rows.get(2).errors()).extracting(MemberImport.RowError::message)
                .containsExactly("이름을 적어 주세요", "성별을 적어 주세요 (여 또는 남)");
    }

    @Test
    void aRowWithAnEarlierRowsPhoneIsMarkedHoweverTheNumberIsWritten() {
        String csv = "이름,출생연도,성별,전화번호\n"
                + "김순자,1944,여,010-1234-5678\n"
                + "박영수,1940,남,\n"
                + "김순희,1946,여,010 1234 5678\n" // another name, the same phone: flagged
                + "이말순,1941,여,01098765432\n"
                + "최복례,1939,여,010.9876.5432\n" // the same as the row before, with dots
                + "정영자,1942,여,02-123-4567\n"
                + "한순이,1943,여,\n"; // no phone: never a phone duplicate of another blank
        List<MemberImport.ImportRow> rows = imports.check("site-a",
                MemberImport.read("list.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows).allMatch(MemberImport.ImportRow::valid);
        assertThat(rows).extracting(MemberImport.ImportRow::repeated)
                .containsExactly(false, false, true, false, true, false, false);
        assertThat(rows.get(2).duplicate()).isEqualTo("2번째 줄과 전화번호가 같습니다");
        assertThat(rows.get(4).duplicate()).isEqualTo("5번째 줄과 전화번호가 같습니다");
        assertThat(rows.get(0).phone()).isEqualTo("010-1234-5678");
        assertThat(rows.get(3).phone()).isEqualTo("010-9876-5432");
        assertThat(rows.get(1).phone()).isNull();
    }

    @Test
    void aPhoneThatIsNotAKoreanNumberIsARowErrorAndExcelsLostLeadingZeroIsPutBack() {
        String csv = "이름,출생연도,성별,전화\n김순자,1944,여,12345\n박영수,1940,남,1012345678\n";
        List<MemberImport.ImportRow> rows = imports.check("site-a",
                MemberImport.read("list.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.get(0).errors()).extracting(MemberImport.RowError::field).containsExactly("contacts.phone");
        assertThat(rows.get(0).errors().getFirst().message()).isEqualTo(PhoneNumbers.PROBLEM);
        assertThat(rows.get(1).valid()).isTrue();
        assertThat(rows.get(1).phone()).isEqualTo("010-1234-5678");
    }

    @Test
    void aPhoneKeyIsItsDigits() {
        assertThat(MemberImport.phoneKey("010-1234-5678")).isEqualTo("01012345678");
        assertThat(MemberImport.phoneKey(" 010 1234.5678 ")).isEqualTo("01012345678");
        assertThat(MemberImport.phoneKey(null)).isNull();
        assertThat(MemberImport.phoneKey("-")).isNull();
    }

    @Test
    void aRowRepeatingAnEarlierOneIsMarkedWhateverTheSpacing() {
        String csv = "이름,출생연도,성별\n김 순자,1944,여\n박영수,1940,남\n김순자,1944,여\n김순자,1945,여\n";
        List<MemberImport.ImportRow> rows = imports.check("site-a",
                MemberImport.read("list.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows).allMatch(MemberImport.ImportRow::valid);
        assertThat(rows).extracting(MemberImport.ImportRow::repeated).containsExactly(false, false, true, false);
        assertThat(rows.get(2).duplicate()).isEqualTo("2번째 줄과 이름·출생연도가 같습니다");
    }

    @Test
    void readsTheKoreanWindowsCodePageExcelWritesForCsv() {
        byte[] cp949 = "이름,출생연도,성별\n이말순,1941,여\n".getBytes(Charset.forName("MS949"));
        List<MemberImport.ImportRow> rows = imports.check("site-a", MemberImport.read("list.csv", cp949));
        assertThat(rows).singleElement().extracting(MemberImport.ImportRow::displayName).isEqualTo("이말순");
    }

    @Test
    void reportsEveryBrokenRowWithItsNumberAndKeepsHostileTextAsText() {
        String csv = "displayName,birthYear,sex,heightCm\n"
                + "<script>alert(1)</script>,1944,F,\n"
                + "김,19x4,F,\n"
                + ",1944,X,300\n"
                + "=HYPERLINK(\"http://x\"),1850,M,\n"
                + "line\u202Ebreak,1944,F,\n";
        List<MemberImport.ImportRow> rows = imports.check("site-a",
                MemberImport.read("list.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.get(0).valid()).isTrue();
        assertThat(rows.get(0).displayName()).isEqualTo("<script>alert(1)</script>");
        assertThat(rows.get(1).errors()).extracting(MemberImport.RowError::field).containsExactly("birthYear");
        assertThat(rows.get(2).errors()).extracting(MemberImport.RowError::field)
                .containsExactlyInAnyOrder("sex", "displayName", "heightCm");
        assertThat(rows.get(2).errors()).allMatch(e -> e.row() == 4);
        assertThat(rows.get(3).errors()).extracting(MemberImport.RowError::field).containsExactly("birthYear");
        assertThat(rows.get(4).errors()).extracting(MemberImport.RowError::field).containsExactly("displayName");
    }

    @Test
    void readsTheFirstSheetOfAnXlsxAndRefusesFormulas() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("명단");
            row(sheet, 0, "이름", "출생연도", "성별", "몸무게");
            XSSFRow first = row(sheet, 1, "최복례", null, "여", null);
            first.createCell(1).setCellValue(1939); // a number cell, as Excel stores it
            first.createCell(3).setCellValue(51.5);
            XSSFRow second = row(sheet, 2, "정", "1945", "남", null);
            second.createCell(3).setCellFormula("40+20");
            book.write(out);
            xlsx = out.toByteArray();
        }
        List<MemberImport.ImportRow> rows = imports.check("site-a", MemberImport.read("명단.xlsx", xlsx));
        assertThat(rows.get(0).valid()).as(rows.get(0).errors().toString()).isTrue();
        assertThat(rows.get(0).birthYear()).isEqualTo(1939);
        assertThat(rows.get(0).weightKg()).isEqualByComparingTo("51.5");
        assertThat(rows.get(1).errors()).extracting(MemberImport.RowError::field).containsExactly("file");
    }

    @Test
    void refusesFilesWithoutTheRequiredColumnsOrThatAreNotTables() {
        assertThatThrownBy(() -> MemberImport.read("a.csv", "name,sex\nx,F\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MemberImport.UnreadableFile.class);
        assertThatThrownBy(() -> MemberImport.read("a.xlsx", "PK\u0003\u0004garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MemberImport.UnreadableFile.class);
        assertThatThrownBy(() -> MemberImport.read("a.csv", new byte[0])).isInstanceOf(MemberImport.UnreadableFile.class);
        assertThatThrownBy(() -> MemberImport.read("a.csv", "이름,출생연도,성별\n\"broken,1944,F\n"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(MemberImport.UnreadableFile.class);
    }

    private static XSSFRow row(XSSFSheet sheet, int index, String... cells) {
        XSSFRow row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                row.createCell(i).setCellValue(cells[i]);
            }
        }
        return row;
    }
}
