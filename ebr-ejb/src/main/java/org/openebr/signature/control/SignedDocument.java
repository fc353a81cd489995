package org.openebr.signature.control;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openebr.platform.control.CanonicalJson;
import org.openebr.signature.entity.ElectronicSignature;
import org.openebr.trust.control.Digests;

/**
 * What exactly a signature signs: the record version together with who signs, in which role, with
 * which meaning and when (21 CFR 11.50, 11.70). Serialised as canonical JSON (RFC 8785), these
 * bytes are {@code record.json} of the offline bundle; the CMS signature is over them.
 */
public final class SignedDocument {

    public static final String FORMAT = "openebr-signed-record/1";

    private SignedDocument() {
    }

    public static byte[] bytes(ElectronicSignature.Facts facts, Object recordContent) {
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("userId", facts.signerAccountId().toString());
        signer.put("userName", facts.signerUserName());
        signer.put("printedName", facts.signerFullName());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("signatureId", facts.id().toString());
        document.put("recordType", facts.recordType());
        document.put("recordId", facts.recordId());
        document.put("record", recordContent);
        document.put("signer", signer);
        document.put("role", facts.signerRole());
        document.put("meaning", facts.meaning().name());
        document.put("signedAt", facts.signedAt().toString());
        document.put("siteZone", facts.siteZone());
        return CanonicalJson.canonicalize(document);
    }

    /** The SHA-256 (hex) of a record version's canonical content: the version a signature belongs to. */
    public static String recordSha256(Object recordContent) {
        return java.util.HexFormat.of().formatHex(sha256(CanonicalJson.canonicalize(recordContent)));
    }

    public static byte[] sha256(byte[] content) {
        return Digests.sha256(content);
    }
}
