package city.twofour.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DelimitedLineTests {

    @Test
    void splitsPlainAndQuotedFields() {
        assertThat(DelimitedLine.split("a,b,,d", ',')).containsExactly("a", "b", "", "d");
        assertThat(DelimitedLine.split("\"东城街道,岗贝社区\",\"他说\"\"好\"\"\",x", ','))
                .containsExactly("东城街道,岗贝社区", "他说\"好\"", "x");
        assertThat(DelimitedLine.split("a|b", '|')).containsExactly("a", "b");
        assertThat(DelimitedLine.split("", ',')).containsExactly("");
        assertThat(DelimitedLine.split("a,", ',')).containsExactly("a", "");
        assertThat(DelimitedLine.split("\"\",b", ',')).containsExactly("", "b");
        assertThat(DelimitedLine.split("\"92441900MANQ14ME3K\",\"东莞市\"", ',')).containsExactly("92441900MANQ14ME3K", "东莞市");
        assertThat(DelimitedLine.split("x,\"a\"\"\",\"\"\"b\"", ',')).containsExactly("x", "a\"", "\"b");
    }

    @Test
    void anUnclosedQuoteIsBrokenQuoting() {
        assertThat(DelimitedLine.split("a,\"b,c", ',')).isNull();
    }

    @Test
    void textAfterAClosingQuoteIsBrokenQuoting() {
        assertThat(DelimitedLine.split("a,\"b\"c,d", ',')).isNull();
        assertThat(DelimitedLine.split("\"b\" ", ',')).isNull();
    }
}
