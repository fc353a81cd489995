package org.openebr.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence bundle as a reviewer checks it: with openssl and sha256sum, the standard tools, never with the code
 * that made it. The key store is made here as the installation makes its own: a CA and an EC document signer.
 */
@Tag("A11-3-1")
class EvidenceBundleTest {

    private static final char[] PASSWORD = "bundle-test-pass".toCharArray();

    @TempDir
    Path dir;

    private Path reactor;
    private Path keys;
    private Path bundle;

    @BeforeEach
    void a_built_reactor_and_an_installation_s_keys() throws Exception {
        reactor = dir.resolve("reactor");
        write("validation-docs/target/traceability/traceability-matrix.html", "<html>matrix</html>");
        write("validation-docs/target/validation-documents/risk-assessment.pdf", "%PDF-1.7");
        write("ebr-ear/target/failsafe-reports/TEST-org.x.LoginIT.xml", "<testsuite/>");
        write("ebr-ear/target/junit-platform/failsafe/open-test-report.xml", "<e:events/>");
        write("ebr-ejb/target/surefire-reports/TEST-org.x.RulesTest.xml", "<testsuite/>");
        write("ebr-ear/target/screenshots/terminal-1024.png", "png");
        write("ebr-ear/target/bom.json", "{\"bomFormat\":\"CycloneDX\",\"components\":[]}");
        write("ebr-web/target/bom.json", "{\"bomFormat\":\"CycloneDX\",\"components\":[]}");
        keys = dir.resolve("keys");
        Files.createDirectories(keys);
        installationKeys(keys, "document-signer");
        bundle = dir.resolve("bundle");
    }

    @Test
    void the_bundle_holds_the_evidence_and_openssl_and_sha256sum_accept_it() throws Exception {
        EvidenceBundle.write(reactor, bundle, keys.resolve("trust.p12"), "document-signer", PASSWORD,
                Map.of("wildfly.version", "39.0.1.Final"), FakeReactor.CLOCK);

        assertThat(bundle.resolve("traceability/traceability-matrix.html")).hasContent("<html>matrix</html>");
        assertThat(bundle.resolve("documents/risk-assessment.pdf")).exists();
        assertThat(bundle.resolve("test-reports/ebr-ear/integration/TEST-org.x.LoginIT.xml")).exists();
        assertThat(bundle.resolve("test-reports/ebr-ear/junit-platform/failsafe/open-test-report.xml")).exists();
        assertThat(bundle.resolve("test-reports/ebr-ejb/unit/TEST-org.x.RulesTest.xml")).exists();
        assertThat(bundle.resolve("screenshots/terminal-1024.png")).exists();
        assertThat(bundle.resolve("sbom/ebr-ear.cdx.json")).content().contains("CycloneDX");
        assertThat(bundle.resolve("environment.properties")).content()
                .contains("wildfly.version=39.0.1.Final", "generated.at=2026-03-01T10:15:30Z", "java.version=");
        assertThat(bundle.resolve("README.txt")).content().contains("openssl cms -verify")
                .contains("Absent from this build (not produced by it): ebr-ejb/target/junit-platform,"
                        + " ebr-web/target/surefire-reports, ebr-web/target/junit-platform");
        // no vulnerability database in this build: the bundle says so instead of staying silent
        assertThat(bundle.resolve("vulnerability-report/NOT-SCANNED.txt")).content().contains("EBR_OSV_DB");
        assertThat(Files.readAllLines(bundle.resolve(EvidenceBundle.MANIFEST))).hasSize(11)
                .anyMatch(l -> l.endsWith("  sbom/ebr-ear.cdx.json")).allMatch(l -> l.matches("[0-9a-f]{64}  \\S.*"));

        assertThat(run(bundle, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                EvidenceBundle.SIGNATURE, "-content", EvidenceBundle.MANIFEST, "-CAfile",
                keys.resolve("ca.pem").toString(), "-out", "/dev/null")).isZero();
        assertThat(run(bundle, "sha256sum", "--quiet", "-c", EvidenceBundle.MANIFEST)).isZero();
    }

    @Test
    @Tag("A11D-15-1")
    @Tag("negative")
    void a_vulnerable_component_fails_the_build_with_its_report_in_the_bundle_until_its_finding_is_accepted()
            throws Exception {
        write("ebr-ear/target/bom.json", Files.readString(VulnerabilityReportTest.FIXTURE.resolve("sbom.cdx.json")));
        System.setProperty("ebr.osv.db", VulnerabilityReportTest.FIXTURE.resolve("advisories").toAbsolutePath().toString());
        try {
            assertThatThrownBy(() -> EvidenceBundle.write(reactor, bundle, keys.resolve("trust.p12"), "document-signer",
                    PASSWORD, Map.of(), FakeReactor.CLOCK)).isInstanceOf(TraceabilityException.class)
                    .hasMessageContaining("The dependency vulnerability gate failed (3;")
                    .hasMessageContaining("TEST-0001 in org.example:parser 2.9.1 (fixed in 2.10.0) is not accepted")
                    .hasMessageContaining("TEST-0002 in org.example:logger 1.2.17");
            // the evidence of the failed gate is kept, signed
            assertThat(bundle.resolve("vulnerability-report/vulnerability-report.txt")).content().contains("Findings:    3");
            assertThat(bundle.resolve(EvidenceBundle.SIGNATURE)).exists();

            // accepted with reasons, by name, to be reviewed after the build's day: the build passes
            write(VulnerabilityReport.ACCEPTANCES, """
                    advisory,component,reason,accepted_by,review_by
                    CVE-0000-0001,org.example:parser,only the trusted recipe import parses with it,Quinn QA,2026-06-30
                    TEST-0002,org.example:logger,the vulnerable appender is not configured,Quinn QA,2026-06-30
                    TEST-0002,org.example:listed,test scope only,Quinn QA,2026-03-01
                    """);
            EvidenceBundle.write(reactor, bundle, keys.resolve("trust.p12"), "document-signer", PASSWORD, Map.of(),
                    FakeReactor.CLOCK);
            assertThat(bundle.resolve("vulnerability-report/vulnerability-report.json")).content().contains("TEST-0001");
        } finally {
            System.clearProperty("ebr.osv.db");
        }
    }

    @Test
    @Tag("negative")
    void a_changed_file_a_changed_manifest_or_another_ca_is_found_by_the_standard_tools() throws Exception {
        EvidenceBundle.write(reactor, bundle, keys.resolve("trust.p12"), "document-signer", PASSWORD, Map.of(),
                FakeReactor.CLOCK);
        Path otherCa = dir.resolve("other");
        Files.createDirectories(otherCa);
        installationKeys(otherCa, "document-signer");

        assertThat(run(bundle, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                EvidenceBundle.SIGNATURE, "-content", EvidenceBundle.MANIFEST, "-CAfile",
                otherCa.resolve("ca.pem").toString(), "-out", "/dev/null")).isNotZero();

        Files.writeString(bundle.resolve("traceability/traceability-matrix.html"), "<html>all verified</html>");
        assertThat(run(bundle, "sha256sum", "--quiet", "-c", EvidenceBundle.MANIFEST)).isNotZero();

        // whoever edits a file and its line in the manifest breaks the manifest's signature
        String manifest = Files.readString(bundle.resolve(EvidenceBundle.MANIFEST));
        Files.writeString(bundle.resolve(EvidenceBundle.MANIFEST),
                (manifest.charAt(0) == '0' ? "1" : "0") + manifest.substring(1));
        assertThat(run(bundle, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                EvidenceBundle.SIGNATURE, "-content", EvidenceBundle.MANIFEST, "-CAfile",
                keys.resolve("ca.pem").toString(), "-out", "/dev/null")).isNotZero();
    }

    @Test
    @Tag("negative")
    void a_build_without_its_sbom_or_its_integration_reports_or_without_keys_makes_no_bundle() throws Exception {
        Files.delete(reactor.resolve("ebr-ear/target/bom.json"));
        assertThatThrownBy(() -> EvidenceBundle.write(reactor, bundle, keys.resolve("trust.p12"), "document-signer",
                PASSWORD, Map.of(), FakeReactor.CLOCK)).isInstanceOf(TraceabilityException.class)
                .hasMessageContaining("the evidence bundle needs ebr-ear/target/bom.json");

        write("ebr-ear/target/bom.json", "{}");
        assertThatThrownBy(() -> EvidenceBundle.write(reactor, bundle, keys.resolve("none.p12"), "document-signer",
                PASSWORD, Map.of(), FakeReactor.CLOCK)).hasMessageContaining("no key store at");
        assertThatThrownBy(() -> EvidenceBundle.write(reactor, bundle, keys.resolve("trust.p12"), "someone-else",
                PASSWORD, Map.of(), FakeReactor.CLOCK)).hasMessageContaining("has no key \"someone-else\"");
        assertThatThrownBy(() -> EvidenceBundle.write(reactor, bundle, keys.resolve("trust.p12"), "document-signer",
                "wrong".toCharArray(), Map.of(), FakeReactor.CLOCK)).hasMessageContaining("cannot sign the evidence");
        assertThat(bundle.resolve(EvidenceBundle.SIGNATURE)).doesNotExist();
    }

    private void write(String path, String content) throws IOException {
        Path file = reactor.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static int run(Path in, String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(in.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** {@code trust.p12} with a CA and an EC P-256 signer it certifies, and {@code ca.pem}, as an installation has. */
    private static void installationKeys(Path into, String alias) throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caKeys = ec.generateKeyPair();
        KeyPair signerKeys = ec.generateKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=Test Installation CA");
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
                BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
                caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        X509Certificate signer = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                caName, BigInteger.TWO, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365,
                ChronoUnit.DAYS)), new X500Name("CN=Test Document Signer"), signerKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                        | KeyUsage.nonRepudiation))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, signerKeys.getPrivate(), PASSWORD, new Certificate[] {signer, ca});
        try (OutputStream out = Files.newOutputStream(into.resolve("trust.p12"))) {
            store.store(out, PASSWORD);
        }
        Files.writeString(into.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }
}
