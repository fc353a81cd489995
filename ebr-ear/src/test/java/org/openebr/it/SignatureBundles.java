package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A signature's offline bundle (GET /signatures/{id}/bundle: record.json, signature.p7s, signature-value.bin,
 * timestamp.tsr, ca.pem) as an inspector handles it: unpacked into a folder, and checked with openssl exactly as the
 * bundle's description says, against a CA certificate the inspector trusts.
 */
final class SignatureBundles {

    private SignatureBundles() {
    }

    /** Unpacks a zip into the folder (made if needed; an entry that would land outside it fails) and returns it. */
    static Path unpack(byte[] zip, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = folder.resolve(entry.getName()).normalize();
                assertThat(file.startsWith(folder)).as(entry.getName()).isTrue();
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
        return folder;
    }

    /** Unpacks a zip into a new temporary folder. */
    static Path unpack(byte[] zip) throws IOException {
        return unpack(zip, Files.createTempDirectory("ebr-bundle"));
    }

    /** The CMS signature over record.json and the RFC 3161 time-stamp over the signature value, both by openssl. */
    static void verifiesWithOpenssl(Path bundle, Path ca) throws IOException, InterruptedException {
        Openssl.verifies("cms", "-verify", "-binary", "-inform", "DER", "-in", bundle.resolve("signature.p7s").toString(),
                "-content", bundle.resolve("record.json").toString(), "-CAfile", ca.toString(), "-out", "/dev/null");
        Openssl.verifies("ts", "-verify", "-data", bundle.resolve("signature-value.bin").toString(),
                "-in", bundle.resolve("timestamp.tsr").toString(), "-CAfile", ca.toString());
    }
}
