package org.openebr.audit.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openebr.trust.control.Digests;

/**
 * The canonical byte form of one revision, hashed into the audit chain. Documented in the README
 * ("Audit trail: hash chain") so that an inspector can recompute it in any language:
 *
 * <pre>
 * content  = "openebr-audit-revision/1\n" revision-line audit-line*
 * line     = table ( "\t" column "=" value )* "\n"      columns sorted by name; columns whose
 *            value is SQL NULL are left out, so that a column added later (nullable, no default)
 *            leaves the hash of every earlier row unchanged
 * value    = PostgreSQL's text output of the column (TimeZone UTC, DateStyle ISO, bytea hex),
 *            escaped as PostgreSQL's COPY text format does: \ BS FF LF CR TAB VT written as
 *            \\ \b \f \n \r \t \v
 * </pre>
 * The revision line is the {@code audit_revision} row; the audit lines are every row of every
 * {@code *_aud} table with that revision number, sorted by their UTF-8 bytes. Then
 * {@code content_hash = SHA-256(content)} and {@code chain_hash(n) = SHA-256(chain_hash(n-1) || content_hash(n))}
 * with {@code chain_hash(0)} = 32 zero bytes.
 */
public final class CanonicalRevision {

    public static final String FORMAT = "openebr-audit-revision/1";
    public static final byte[] GENESIS = new byte[32];

    private CanonicalRevision() {
    }

    /** One row: its table and its columns' text values (null for SQL NULL). */
    public record Row(String table, Map<String, String> values) {
        public Row {
            values = new TreeMap<>(values);
        }

        String line() {
            StringBuilder line = new StringBuilder(table);
            for (Map.Entry<String, String> column : values.entrySet()) {
                if (column.getValue() != null) {
                    line.append('\t').append(column.getKey()).append('=').append(escape(column.getValue()));
                }
            }
            return line.append('\n').toString();
        }
    }

    public static byte[] encode(Row revision, List<Row> auditRows) {
        List<byte[]> lines = new ArrayList<>(auditRows.size());
        for (Row row : auditRows) {
            lines.add(row.line().getBytes(StandardCharsets.UTF_8));
        }
        lines.sort(Arrays::compareUnsigned);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 256 * lines.size());
        out.writeBytes((FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(revision.line().getBytes(StandardCharsets.UTF_8));
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static String escape(String value) {
        if (value == null) {
            return "\\N";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                case '\u000B' -> escaped.append("\\v");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    public static byte[] sha256(byte[]... parts) {
        return Digests.sha256(parts);
    }

    public static byte[] link(byte[] previousChainHash, byte[] contentHash) {
        return sha256(previousChainHash, contentHash);
    }

    public static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
