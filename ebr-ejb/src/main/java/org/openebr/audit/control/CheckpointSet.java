package org.openebr.audit.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openebr.trust.control.CmsVerification;
import org.openebr.trust.control.TimeStampVerification;
import org.openebr.trust.control.TrustStore;
import org.openebr.trust.control.TrustVerifier;

/**
 * The signed checkpoints found in the checkpoint directory, each checked before the chain is held
 * against it: its CMS signature and its RFC 3161 time stamp must verify against the installation's
 * CA certificate. A checkpoint that does not verify is a finding in itself (a forged or damaged
 * file), and is not used.
 *
 * <p>A checkpoint is three files with one base name {@code checkpoint-<position>}: {@code .json}
 * (the statement, format below), {@code .p7s} (detached CMS signature of the JSON bytes, DER) and
 * {@code .tsr} (RFC 3161 time-stamp response over the JSON bytes). The JSON is written by
 * {@link #statement} and nothing else:
 * <pre>{"format":"openebr-audit-checkpoint/1","installation":"...","position":42,"revision":57,
 * "chainHash":"&lt;64 hex digits&gt;","createdAt":"2026-11-25T08:00:00Z"}</pre>
 */
public record CheckpointSet(List<Checkpoint> valid, List<String> problems) {

    public static final String FORMAT = "openebr-audit-checkpoint/1";

    /** One verified checkpoint. */
    public record Checkpoint(String fileName, long position, long revision, byte[] chainHash, Instant createdAt) {
    }

    /** Checks one checkpoint's signature and time stamp; returns null when both verify, else the problem. */
    @FunctionalInterface
    public interface SignatureCheck {
        String problem(byte[] statement, byte[] signature, byte[] timeStamp);
    }

    private static final Pattern STATEMENT = Pattern.compile("\\{\"format\":\"" + Pattern.quote(FORMAT) + "\","
            + "\"installation\":\"(?:[^\"\\\\]|\\\\.)*\",\"position\":(\\d+),\"revision\":(\\d+),"
            + "\"chainHash\":\"([0-9a-f]{64})\",\"createdAt\":\"([^\"]+)\"}\n?");

    public CheckpointSet {
        valid = List.copyOf(valid);
        problems = List.copyOf(problems);
    }

    /** Checks signature and time stamp against the installation's CA (the offline verifier uses it too). */
    public static SignatureCheck verifiedBy(X509Certificate ca) {
        return verifiedBy(ca, List.of(ca));
    }

    /**
     * Checks the signature against the installation's CA and the time stamp against the CAs of the
     * time-stamp authorities: the installation's CA for the internal one, and each external TSA's own.
     * Only the checkpoint signer's certificate may sign a checkpoint, not any certificate the CA
     * issued (later, users' signing certificates come from the same CA).
     */
    public static SignatureCheck verifiedBy(X509Certificate ca, java.util.List<X509Certificate> timeStampCas) {
        TrustVerifier verifier = new TrustVerifier();
        return (statement, signature, timeStamp) -> {
            CmsVerification cms = verifier.verifyDetachedCms(statement, signature, ca);
            if (!cms.valid()) {
                return "signature: " + cms.problem();
            }
            if (!signedByCheckpointSigner(cms.signerSubject())) {
                return "signature: signed by " + cms.signerSubject() + ", not by the audit checkpoint signer";
            }
            TimeStampVerification ts = verifier.verifyTimeStamp(statement, timeStamp, timeStampCas);
            if (!ts.valid()) {
                return "time stamp: " + ts.problem();
            }
            return null;
        };
    }

    static boolean signedByCheckpointSigner(String subject) {
        if (subject == null) {
            return false;
        }
        try {
            return new javax.naming.ldap.LdapName(subject).getRdns().stream()
                    .anyMatch(rdn -> rdn.getType().equalsIgnoreCase("CN")
                            && TrustStore.CHECKPOINT_SIGNER_NAME.equals(String.valueOf(rdn.getValue())));
        } catch (javax.naming.InvalidNameException malformed) {
            return false;
        }
    }

    public static CheckpointSet none() {
        return new CheckpointSet(List.of(), List.of());
    }

    /** The statement a checkpoint signs, byte for byte. */
    public static byte[] statement(String installation, long position, long revision, byte[] chainHash, Instant createdAt) {
        return ("{\"format\":\"" + FORMAT + "\",\"installation\":\"" + jsonString(installation) + "\",\"position\":" + position
                + ",\"revision\":" + revision + ",\"chainHash\":\"" + CanonicalRevision.hex(chainHash)
                + "\",\"createdAt\":\"" + createdAt + "\"}\n").getBytes(StandardCharsets.UTF_8);
    }

    public static String baseName(long position) {
        return String.format("checkpoint-%012d", position);
    }

    /** Reads and checks every checkpoint in the directory (none when it does not exist). */
    public static CheckpointSet load(Path directory, SignatureCheck check) {
        List<Checkpoint> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return none();
        }
        List<Path> statements;
        try (Stream<Path> files = Files.list(directory)) {
            statements = files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d+\\.json")).sorted().toList();
        } catch (IOException e) {
            return new CheckpointSet(List.of(), List.of("The checkpoint directory " + directory + " cannot be read: " + e.getMessage()));
        }
        for (Path json : statements) {
            String name = json.getFileName().toString();
            String base = name.substring(0, name.length() - ".json".length());
            try {
                byte[] statement = Files.readAllBytes(json);
                Path p7s = json.resolveSibling(base + ".p7s");
                Path tsr = json.resolveSibling(base + ".tsr");
                if (!Files.exists(p7s) || !Files.exists(tsr)) {
                    problems.add("Checkpoint " + name + " has no signature or time stamp (" + base + ".p7s, " + base + ".tsr).");
                    continue;
                }
                String problem = check.problem(statement, Files.readAllBytes(p7s), Files.readAllBytes(tsr));
                if (problem != null) {
                    problems.add("Checkpoint " + name + " does not verify: " + problem);
                    continue;
                }
                Matcher m = STATEMENT.matcher(new String(statement, StandardCharsets.UTF_8));
                if (!m.matches()) {
                    problems.add("Checkpoint " + name + " is signed but not in format " + FORMAT + ".");
                    continue;
                }
                valid.add(new Checkpoint(name, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        HexFormat.of().parseHex(m.group(3)), Instant.parse(m.group(4))));
            } catch (IOException | DateTimeParseException | NumberFormatException e) {
                problems.add("Checkpoint " + name + " cannot be read: " + e.getMessage());
            }
        }
        return new CheckpointSet(valid, problems);
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
