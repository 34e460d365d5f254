package city.twofour.feed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FieldValuesTests {

    @Test
    void upgradesAFifteenDigitCitizenIdAndReadsFullWidthDigits() {
        assertThat(FieldValues.citizenId("id", "441900750101201").value()).isEqualTo("441900197501012012");
        assertThat(FieldValues.citizenId("id", "４４１９００１９９００１０１２４６１").value()).isEqualTo("441900199001012461");
    }

    @Test
    void tellsAWrongCheckCharacterFromAMalformedCitizenId() {
        assertThat(reason(() -> FieldValues.citizenId("id", "441900199001012462"))).isEqualTo(RejectReason.BAD_CITIZEN_ID_CHECK);
        assertThat(reason(() -> FieldValues.citizenId("id", "44190019900101"))).isEqualTo(RejectReason.BAD_CITIZEN_ID);
        assertThat(reason(() -> FieldValues.citizenId("id", "441900199002302461"))).isEqualTo(RejectReason.BAD_CITIZEN_ID);
    }

    @Test
    void tellsAWrongCheckCharacterFromAMalformedCreditCode() {
        assertThat(FieldValues.creditCode("code", "91441900ma4u11114d").value()).isEqualTo("91441900MA4U11114D");
        assertThat(reason(() -> FieldValues.creditCode("code", "91441900MA4U111140"))).isEqualTo(RejectReason.BAD_CREDIT_CODE_CHECK);
        assertThat(reason(() -> FieldValues.creditCode("code", "9144190012345"))).isEqualTo(RejectReason.BAD_CREDIT_CODE);
    }

    @Test
    void readsDatesInTheListedFormatsStrictly() {
        var formats = FieldValues.dateFormats(List.of("yyyy-MM-dd", "yyyyMMdd"));

        assertThat(FieldValues.date("d", "2026-11-20", formats)).isEqualTo("2026-11-20");
        assertThat(FieldValues.date("d", "20261120", formats)).isEqualTo("2026-11-20");
        assertThat(reason(() -> FieldValues.date("d", "2026-02-30", formats))).isEqualTo(RejectReason.BAD_DATE);
        assertThat(reason(() -> FieldValues.date("d", "2026/11/20", formats))).isEqualTo(RejectReason.BAD_DATE);
        assertThat(reason(() -> FieldValues.date("d", "2026-1-05", formats))).isEqualTo(RejectReason.BAD_DATE);
        assertThat(FieldValues.date("d", "２０２６-１１-２０", formats)).isEqualTo("2026-11-20");
        assertThat(FieldValues.date("d", "2026年1月5日", FieldValues.dateFormats(List.of()))).isEqualTo("2026-01-05");
        assertThat(reason(() -> FieldValues.date("d", "2026-11-20", FieldValues.dateFormats(List.of("yyyyMMdd")))))
                .isEqualTo(RejectReason.BAD_DATE);
    }

    @Test
    void normalisesMobileAndLandlineNumbersAndRejectsTheRest() {
        assertThat(FieldValues.phone("p", "13812345678")).isEqualTo("13812345678");
        assertThat(FieldValues.phone("p", "+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(FieldValues.phone("p", "(0769) 2212 3456")).isEqualTo("0769-22123456");
        assertThat(FieldValues.phone("p", "020-12345678")).isEqualTo("020-12345678");
        assertThat(FieldValues.phone("p", "（0755）1234\u30005678")).isEqualTo("0755-12345678");
        assertThat(reason(() -> FieldValues.phone("p", "0755-1234567x"))).isEqualTo(RejectReason.BAD_PHONE);
        assertThat(reason(() -> FieldValues.phone("p", "0055-12345678"))).isEqualTo(RejectReason.BAD_PHONE);
        assertThat(reason(() -> FieldValues.phone("p", "0755-123456789"))).isEqualTo(RejectReason.BAD_PHONE);
        assertThat(reason(() -> FieldValues.phone("p", "22123456"))).isEqualTo(RejectReason.BAD_PHONE);
        assertThat(reason(() -> FieldValues.phone("p", "12345678901"))).isEqualTo(RejectReason.BAD_PHONE);
        assertThat(reason(() -> FieldValues.phone("p", "1381234567x"))).isEqualTo(RejectReason.BAD_PHONE);
    }

    @Test
    void mapsEnumerationValuesAndRejectsUnknownOnes() {
        Map<String, String> sexes = Map.of("男", "male", "女", "female");

        assertThat(FieldValues.enumValue("sex", "女", sexes)).isEqualTo("female");
        RejectedRecordException unknown = catchThrowableOfType(RejectedRecordException.class,
                () -> FieldValues.enumValue("sex", "未知", sexes));
        assertThat(unknown.reason()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(unknown.field()).isEqualTo("sex");
    }

    @Test
    void readsNumbersWithThousandsSeparatorsAndRejectsText() {
        assertThat(FieldValues.integer("n", "1,024")).isEqualTo(1024L);
        assertThat(FieldValues.decimal("n", "３.５")).isEqualTo(new BigDecimal("3.5"));
        assertThat(reason(() -> FieldValues.integer("n", "1.5"))).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(reason(() -> FieldValues.degrees("n", "113°45'"))).isEqualTo(RejectReason.BAD_NUMBER);
    }

    @Test
    void readsDateTimesInTheDefaultFormatsAsIsoText() {
        var formats = FieldValues.dateTimeFormats(List.of());

        assertThat(FieldValues.dateTime("t", "2026-10-31 13:53:48", formats)).isEqualTo("2026-10-31T13:53:48");
        assertThat(FieldValues.dateTime("t", "2026-11-19 23:48", formats)).isEqualTo("2026-11-19T23:48");
        assertThat(FieldValues.dateTime("t", "2026-11-19 23:48:00", formats)).isEqualTo("2026-11-19T23:48");
        assertThat(FieldValues.dateTime("t", "2026/1/5 9:05", formats)).isEqualTo("2026-01-05T09:05");
        assertThat(FieldValues.dateTime("t", "20261031135348", formats)).isEqualTo("2026-10-31T13:53:48");
        for (String bad : List.of("2026-02-30 10:00", "2026-10-31 24:00", "2026-10-31 13:60", "2026-10-31 13:53:61",
                "2026-10-31T13:53", "2026-10-31 1:53", "2026-10-31 13:53:4")) {
            assertThat(reason(() -> FieldValues.dateTime("t", bad, formats))).as(bad).isEqualTo(RejectReason.BAD_DATE);
        }
    }

    private static RejectReason reason(Runnable check) {
        return catchThrowableOfType(RejectedRecordException.class, check::run).reason();
    }
}
