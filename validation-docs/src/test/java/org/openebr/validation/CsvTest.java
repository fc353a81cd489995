package org.openebr.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quoted_fields_keep_commas_quotes_and_line_breaks() {
        List<String> fields = List.of("P11-10a-1", "a, b", "say \"x\"", "two\r\nlines", "");
        String record = Csv.record(fields);

        assertThat(record).isEqualTo("P11-10a-1,\"a, b\",\"say \"\"x\"\"\",\"two\r\nlines\",\r\n");
        assertThat(Csv.parse(record + record)).containsExactly(fields, fields);
    }

    @Test
    void lf_line_ends_and_a_missing_last_line_end_are_accepted() {
        assertThat(Csv.parse("\uFEFFa,b\nc,\"d\"")).containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void an_unterminated_quote_is_an_error() {
        assertThatThrownBy(() -> Csv.parse("a,\"b\r\n")).isInstanceOf(TraceabilityException.class);
    }
}
