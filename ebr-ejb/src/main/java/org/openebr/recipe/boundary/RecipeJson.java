package org.openebr.recipe.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.util.HexFormat;
import org.openebr.platform.control.CanonicalJson;
import org.openebr.trust.control.Digests;

/**
 * A recipe document as JSON: the form it is imported, exported and stored in (JSON-B, numbers as
 * written, so 2.10 stays 2.10, absent values left out), and its content hash, the SHA-256 of the RFC
 * 8785 canonical form of that JSON (where 2.10 and 2.1 are the same number), which a batch stores to
 * prove what it executed.
 */
public final class RecipeJson {

    /** Unknown members are refused: a misspelt field must never be dropped silently. */
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(false)
            .withFormatting(true)
            .setProperty("jsonb.fail-on-unknown-properties", true));

    private RecipeJson() {
    }

    public static String write(RecipeDocument document) {
        return JSONB.toJson(document);
    }

    /** Reads a stored or imported document; {@link IllegalArgumentException} when it is not one. */
    public static RecipeDocument read(String json) {
        try {
            return JSONB.fromJson(json, RecipeDocument.class);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("not a recipe document: " + e.getMessage(), e);
        }
    }

    /**
     * The SHA-256 (hex) of the RFC 8785 canonical form of the document as it is stored and exported
     * (absent values left out), so anyone can recompute it from an export with any RFC 8785 tool, and
     * it never depends on how this version of OpenEBR models a document. {@link IllegalArgumentException}
     * for a number that has no exact canonical form (more digits than a double holds).
     */
    public static String contentHash(RecipeDocument document) {
        return contentHash(write(document));
    }

    /** As {@link #contentHash(RecipeDocument)}, of stored or exported JSON text. */
    public static String contentHash(String json) {
        return HexFormat.of().formatHex(Digests.sha256(CanonicalJson.canonicalize(CanonicalJson.parse(json))));
    }
}
