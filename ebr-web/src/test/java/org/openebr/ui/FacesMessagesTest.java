package org.openebr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The converter and validator messages of the faces-config message bundle. */
class FacesMessagesTest {

    private final ResourceBundle bundle = ResourceBundle.getBundle("org.openebr.ui.FacesMessages", Locale.ENGLISH);

    @Test
    void each_message_is_one_sentence_in_plain_words_shown_once() {
        assertThat(Collections.list(bundle.getKeys())).isNotEmpty().allSatisfy(key -> {
            String text = bundle.getString(key);
            assertThat(text).as(key).doesNotContain("Validation Error").doesNotContain("Conversion error")
                    .doesNotContain("j_idt");
            if (!key.endsWith("_detail")) {
                // PrimeFaces shows a message once when summary and detail are the same
                assertThat(bundle.getString(key + "_detail")).as(key).isEqualTo(text);
            }
        });
    }

    @Test
    void a_number_converter_message_names_the_field_and_says_what_to_enter() {
        String pattern = bundle.getString("jakarta.faces.converter.BigDecimalConverter.DECIMAL");

        assertThat(MessageFormat.format(pattern, "abc", "198.23", "Quantity"))
                .isEqualTo("Quantity: 'abc' is not a number. Enter digits, e.g. 12.5.");
    }
}
