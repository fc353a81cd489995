package org.openebr.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * {@code EvidenceBundle <reactor root> <bundle dir> <key store> <alias> [name=value ...]}: the validation evidence
 * of one build as a folder a reviewer can check is complete and unchanged - the test reports of every tier (JUnit
 * XML and the JUnit Platform's own), the traceability matrix, the browser tests' screenshots, the reports of the
 * release's installation and operational qualification (bin/ebr iq, bin/ebr oq), the software bill of
 * materials (CycloneDX), the environment the tests ran in - with {@code MANIFEST.sha256} (the SHA-256 of every
 * file, {@code sha256sum -c} reads it) and {@code MANIFEST.sha256.p7s}, a detached CMS signature of the manifest by
 * the installation's document signer, which {@code openssl cms -verify -binary -inform DER -in MANIFEST.sha256.p7s
 * -content MANIFEST.sha256 -CAfile ca.pem} accepts. The key store's password comes from the environment variable
 * {@code EBR_KEY_PASSWORD} or the system property {@code ebr.evidence.keystore.password} (the build's test
 * installation), never from an argument. The {@code name=value} arguments are environment facts
 * (versions) written into {@code environment.properties}.
 */
public final class EvidenceBundle {

    static final String MANIFEST = "MANIFEST.sha256";
    static final String SIGNATURE = MANIFEST + ".p7s";

    /** Reactor paths -> where they go in the bundle; a folder is copied with what it holds (files only). */
    private static final Map<String, String> SOURCES = sources();

    private static Map<String, String> sources() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("validation-docs/target/traceability", "traceability");
        s.put("validation-docs/target/" + ValidationDocuments.DIR, "documents");
        for (String module : List.of("ebr-ejb", "ebr-web", "ebr-ear", "validation-docs")) {
            if (module.equals("ebr-ear")) {
                s.put(module + "/target/failsafe-reports", "test-reports/" + module + "/integration");
            } else {
                s.put(module + "/target/surefire-reports", "test-reports/" + module + "/unit");
            }
            s.put(module + "/target/junit-platform", "test-reports/" + module + "/junit-platform");
        }
        s.put("ebr-ear/target/screenshots", "screenshots");
        // the release's own installation and operational qualification (ProductionModeIT, OperationalQualificationIT)
        s.put("ebr-ear/target/iq-reports", "qualification/iq");
        s.put("ebr-ear/target/oq", "qualification/oq");
        // the mutation testing of the unit tests guarding the audit chain, signatures and control recipe (PIT)
        s.put("ebr-ejb/target/pit-reports", "mutation-testing");
        s.put("ebr-ear/target/bom.json", "sbom/ebr-ear.cdx.json");
        s.put("ebr-web/target/bom.json", "sbom/ebr-web.cdx.json");
        s.put("wildfly-config/target/bom.json", "sbom/wildfly-config.cdx.json");
        return s;
    }

    /** What a bundle cannot be without: the matrix, the reports of the integration tier, the EAR's SBOM. */
    static final List<String> REQUIRED = List.of("validation-docs/target/traceability",
            "ebr-ear/target/failsafe-reports", "ebr-ear/target/junit-platform", "ebr-ear/target/bom.json",
            "ebr-web/target/bom.json");

    private EvidenceBundle() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            throw new TraceabilityException(
                    "usage: EvidenceBundle <reactor root> <bundle dir> <key store> <alias> [name=value ...]");
        }
        Map<String, String> facts = new TreeMap<>();
        for (String fact : Arrays.copyOfRange(args, 4, args.length)) {
            int eq = fact.indexOf('=');
            // an unset ${env.X} of the pom arrives as written: not a fact
            if (eq > 0 && !fact.substring(eq + 1).startsWith("${") && !fact.substring(eq + 1).isBlank()) {
                facts.put(fact.substring(0, eq), fact.substring(eq + 1));
            }
        }
        String password = System.getenv("EBR_KEY_PASSWORD");
        if (password == null) {
            password = System.getProperty("ebr.evidence.keystore.password");
        }
        Path bundle = write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), args[3],
                password == null ? null : password.toCharArray(), facts, Clock.systemUTC());
        System.out.println("Evidence bundle: " + bundle.toAbsolutePath().normalize());
    }

    /** Writes the bundle afresh (an earlier one is removed first) and returns its folder. */
    static Path write(Path reactorRoot, Path bundle, Path keyStore, String alias, char[] password,
            Map<String, String> facts, Clock clock) {
        Path root = reactorRoot.toAbsolutePath().normalize();
        if (!Files.isRegularFile(keyStore)) {
            throw new TraceabilityException("no key store at " + keyStore + " to sign the evidence bundle with: the"
                    + " integration tests create the test installation's keys (run bin/ebr test)");
        }
        if (password == null) {
            throw new TraceabilityException("the key store password is not set (environment variable"
                    + " EBR_KEY_PASSWORD or system property ebr.evidence.keystore.password)");
        }
        List<String> absent = REQUIRED.stream().filter(r -> !Files.exists(root.resolve(r))).toList();
        if (!absent.isEmpty()) {
            throw new TraceabilityException("the evidence bundle needs " + String.join(", ", absent)
                    + ", which this build did not produce (run the whole build: bin/ebr test)");
        }
        Signer signer = signer(keyStore, alias, password);
        try {
            delete(bundle);
            Files.createDirectories(bundle);
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, String> source : SOURCES.entrySet()) {
                Path from = root.resolve(source.getKey());
                Path to = bundle.resolve(source.getValue());
                if (Files.isDirectory(from)) {
                    copyTree(from, to);
                } else if (Files.isRegularFile(from)) {
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    missing.add(source.getKey());
                }
            }
            List<String> vulnerable = vulnerabilities(bundle, root, clock);
            Map<String, String> environment = new TreeMap<>(facts);
            environment.put("generated.at", clock.instant().toString());
            environment.put("git.commit", GenerateTraceabilityMatrix.GitInfo.commit(root).orElse("unknown"));
            environment.put("java.version", System.getProperty("java.version"));
            environment.put("java.vendor", System.getProperty("java.vendor"));
            environment.put("java.runtime.version", System.getProperty("java.runtime.version"));
            environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch"));
            StringBuilder env = new StringBuilder("# the environment of the build whose evidence this is\n");
            environment.forEach((k, v) -> env.append(k).append('=').append(v.replace("\n", " ")).append('\n'));
            Files.writeString(bundle.resolve("environment.properties"), env.toString(), StandardCharsets.UTF_8);
            Files.writeString(bundle.resolve("README.txt"), readme(missing), StandardCharsets.UTF_8);

            byte[] manifest = manifest(bundle).getBytes(StandardCharsets.UTF_8);
            Files.write(bundle.resolve(MANIFEST), manifest);
            Files.write(bundle.resolve(SIGNATURE), sign(manifest, signer));
            if (!vulnerable.isEmpty()) {
                throw new TraceabilityException("The dependency vulnerability gate failed (" + vulnerable.size()
                        + "; the report is in " + bundle.resolve("vulnerability-report") + "):\n  "
                        + String.join("\n  ", vulnerable));
            }
            return bundle;
        } catch (IOException e) {
            throw new TraceabilityException("cannot write the evidence bundle " + bundle + ": " + e, e);
        }
    }

    /**
     * The dependency vulnerability report of the bundle's SBOMs against the OSV database that {@code EBR_OSV_DB} (or
     * the system property {@code ebr.osv.db}) names; without one, a note that nothing was scanned and how to scan.
     * Returns the findings that fail the build (not accepted, or accepted past the review date).
     */
    private static List<String> vulnerabilities(Path bundle, Path root, Clock clock) throws IOException {
        String database = System.getenv("EBR_OSV_DB");
        if (database == null || database.isBlank()) {
            database = System.getProperty("ebr.osv.db");
        }
        Path folder = bundle.resolve("vulnerability-report");
        if (database == null || database.isBlank()) {
            VulnerabilityReport.notScanned(folder);
            return List.of();
        }
        List<Path> sboms;
        try (Stream<Path> files = Files.list(bundle.resolve("sbom"))) {
            sboms = files.filter(f -> f.toString().endsWith(".cdx.json")).sorted().toList();
        }
        VulnerabilityReport.Report report = VulnerabilityReport.scan(sboms, Path.of(database));
        VulnerabilityReport.write(report, folder);
        System.out.println("Vulnerability report: " + report.findings().size() + " findings in "
                + report.components().size() + " components (" + folder + ")");
        return VulnerabilityReport.gate(report, VulnerabilityReport.acceptances(
                root.resolve(VulnerabilityReport.ACCEPTANCES)), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static String readme(List<String> missing) {
        StringBuilder r = new StringBuilder("""
                OpenEBR validation evidence bundle
                ==================================

                What the automated tests of one build proved, as the build left it:

                  traceability/        the requirement catalogue's traceability matrix (HTML, Markdown, CSV):
                                       requirement -> risk -> tests -> result
                  documents/           user requirements, risk assessment, compliance assessment, validation
                                       plan and summary report templates (XHTML and PDF/A), from this build
                  test-reports/        per module and tier, the JUnit XML reports and the JUnit Platform's Open
                                       Test Reporting files (the tests with their tags and results)
                  screenshots/         the browser tests' screenshots (1024x768 and 1280x800)
                  sbom/                the software bill of materials, CycloneDX JSON: the deployed EAR (with
                                       the EJB module's libraries), its web module's libraries, the server
                  environment.properties  versions, commit and machine of the build
                  MANIFEST.sha256      the SHA-256 of every other file of the bundle
                  MANIFEST.sha256.p7s  CMS signature of the manifest by the installation's document signer

                To check that the bundle is complete and unchanged (in this folder):

                  openssl cms -verify -binary -inform DER -in MANIFEST.sha256.p7s -content MANIFEST.sha256 \\
                      -CAfile ca.pem -out /dev/null
                  sha256sum -c MANIFEST.sha256

                where ca.pem is the installation's CA certificate (EBR_KEY_DIR/ca.pem, or
                GET /ebr/api/v1/audit/certificate), obtained from the installation itself, not from this bundle.
                A file added to the bundle is not in the manifest: compare the file list with it.

                Also in the bundle:

                  vulnerability-report/  the SBOMs' Maven components against the OSV database the build was given
                                       (EBR_OSV_DB), or NOT-SCANNED.txt: the build machines reach no vulnerability
                                       database, so a build without one says so and how to scan
                  qualification/       the release's own installation (iq/) and operational (oq/) qualification
                  mutation-testing/    PIT's report on the unit tests guarding the audit chain, signatures and
                                       control recipe
                """);
        if (!missing.isEmpty()) {
            r.append("\nAbsent from this build (not produced by it): ").append(String.join(", ", missing))
                    .append('\n');
        }
        return r.toString();
    }

    /** {@code sha256sum} format: "<hex>  <path>" per file, sorted by path, the manifest and its signature left out. */
    static String manifest(Path bundle) throws IOException {
        TreeMap<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = bundle.relativize(file).toString().replace('\\', '/');
                if (name.equals(MANIFEST) || name.equals(SIGNATURE)) {
                    continue;
                }
                sums.put(name, sha256(file));
            }
        }
        StringBuilder m = new StringBuilder();
        sums.forEach((name, sum) -> m.append(sum).append("  ").append(name).append('\n'));
        return m.toString();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** The document signer's key and chain, from the installation's key store. */
    record Signer(PrivateKey key, Certificate[] chain) {
    }

    static Signer signer(Path keyStore, String alias, char[] password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!store.isKeyEntry(alias)) {
                throw new TraceabilityException("the key store " + keyStore + " has no key \"" + alias + "\"");
            }
            return new Signer((PrivateKey) store.getKey(alias, password), store.getCertificateChain(alias));
        } catch (IOException | GeneralSecurityException e) {
            throw new TraceabilityException("cannot sign the evidence bundle with \"" + alias + "\" of " + keyStore
                    + ": " + e.getMessage(), e);
        }
    }

    /** Detached CMS SignedData, SHA-256, the signer's chain included; DER. */
    static byte[] sign(byte[] content, Signer signer) {
        try {
            String algorithm = signer.key().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(signer.key()),
                            (X509Certificate) signer.chain()[0]));
            generator.addCertificates(new JcaCertStore(Arrays.asList(signer.chain())));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (IOException | GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new TraceabilityException("cannot sign the evidence bundle: " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
