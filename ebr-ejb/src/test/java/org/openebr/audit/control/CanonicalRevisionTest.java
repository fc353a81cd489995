package org.openebr.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The canonical form is a published contract: these tests pin it byte for byte (README, "Audit trail"). */
class CanonicalRevisionTest {

    private static CanonicalRevision.Row row(String table, String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new CanonicalRevision.Row(table, values);
    }

    @Test
    void columns_sorted_by_name_values_escaped_as_copy_does_nulls_left_out() {
        byte[] content = CanonicalRevision.encode(
                row("audit_revision", "user_name", "qa1", "id", "7", "reason", null),
                List.of(row("role_grant_aud", "rev", "7", "grant_reason", "line 1\nline\t2 \\ end")));

        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo(
                "openebr-audit-revision/1\n"
                        + "audit_revision\tid=7\tuser_name=qa1\n"
                        + "role_grant_aud\tgrant_reason=line 1\\nline\\t2 \\\\ end\trev=7\n");
    }

    @Test
    void a_column_added_later_and_still_null_leaves_earlier_hashes_unchanged() {
        CanonicalRevision.Row before = row("role_grant_aud", "id", "a", "rev", "3");
        CanonicalRevision.Row after = row("role_grant_aud", "id", "a", "rev", "3", "witness", null);
        CanonicalRevision.Row revision = row("audit_revision", "id", "3");
        assertThat(CanonicalRevision.encode(revision, List.of(after))).isEqualTo(CanonicalRevision.encode(revision, List.of(before)));
    }

    @Test
    void control_characters_are_escaped_like_postgresql_copy() {
        byte[] content = CanonicalRevision.encode(row("audit_revision", "id", "1"),
                List.of(row("x_aud", "v", "a\bb\fc\u000Bd\re")));
        assertThat(new String(content, StandardCharsets.UTF_8)).endsWith("x_aud\tv=a\\bb\\fc\\vd\\re\n");
    }

    @Test
    void audit_rows_are_ordered_by_their_bytes_whatever_order_the_database_returns() {
        CanonicalRevision.Row revision = row("audit_revision", "id", "9");
        CanonicalRevision.Row a = row("user_account_aud", "id", "b", "rev", "9");
        CanonicalRevision.Row b = row("security_event_aud", "id", "12", "rev", "9");
        CanonicalRevision.Row c = row("user_account_aud", "id", "a", "rev", "9");

        assertThat(CanonicalRevision.encode(revision, List.of(a, b, c)))
                .isEqualTo(CanonicalRevision.encode(revision, List.of(c, a, b)));
        assertThat(new String(CanonicalRevision.encode(revision, List.of(a, b, c)), StandardCharsets.UTF_8))
                .endsWith("security_event_aud\tid=12\trev=9\nuser_account_aud\tid=a\trev=9\nuser_account_aud\tid=b\trev=9\n");
    }

    @Test
    @Tag("P11-10a-1")
    void one_changed_character_changes_the_content_hash_and_every_later_link() {
        CanonicalRevision.Row revision = row("audit_revision", "id", "1");
        byte[] honest = CanonicalRevision.sha256(CanonicalRevision.encode(revision,
                List.of(row("training_record_aud", "description", "Aseptic gowning, Grade A/B", "rev", "1"))));
        byte[] edited = CanonicalRevision.sha256(CanonicalRevision.encode(revision,
                List.of(row("training_record_aud", "description", "Aseptic gowning, Grade A/C", "rev", "1"))));
        assertThat(honest).isNotEqualTo(edited);

        byte[] next = CanonicalRevision.sha256("revision 2".getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalRevision.link(CanonicalRevision.link(CanonicalRevision.GENESIS, honest), next))
                .isNotEqualTo(CanonicalRevision.link(CanonicalRevision.link(CanonicalRevision.GENESIS, edited), next));
    }

    @Test
    void the_first_link_is_sha256_of_32_zero_bytes_and_the_content_hash() {
        byte[] contentHash = CanonicalRevision.sha256("x".getBytes(StandardCharsets.UTF_8));
        byte[] joined = new byte[64];
        System.arraycopy(contentHash, 0, joined, 32, 32);
        assertThat(CanonicalRevision.link(CanonicalRevision.GENESIS, contentHash)).isEqualTo(CanonicalRevision.sha256(joined));
        // SHA-256("x"), a published test value: the digest is the standard one, nothing home-made
        assertThat(CanonicalRevision.hex(contentHash))
                .isEqualTo("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
    }
}
