package org.openebr.audit.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openebr.audit.boundary.AuditVerification;

/**
 * The offline audit-trail verifier behind {@code bin/ebr verify-audit}: connects to the database
 * read-only, recomputes the hash chain from the rows, and holds it against the signed checkpoints
 * in the checkpoint directory, trusting only the CA certificate it is given. Needs no running
 * server. Exit status 0 when intact, 1 when not (the first bad revision is named), 2 when the
 * check could not be made.
 *
 * <pre>java -cp ... org.openebr.audit.control.VerifyAuditCommand --url jdbc:postgresql://host/db
 *      --user U [--password-env VAR] --checkpoints DIR --ca ca.pem [--tsa-ca tsa-ca.pem]
 *      [--checkpoint-minutes 60] [--as-of 2026-12-05T22:49:02Z]</pre>
 * {@code --as-of} is the moment the verified data was taken (a backup's time): the links it made after its last
 * checkpoint are judged against that moment, not against now, so a restored backup verifies on any later day.
 */
public final class VerifyAuditCommand {

    private VerifyAuditCommand() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        String password = System.getenv(options.getOrDefault("--password-env", "EBR_VERIFY_DB_PASSWORD"));
        System.exit(run(args, password, System.out, System.err));
    }

    /** Runs the check; the password comes separately so that it never appears in a process list. */
    public static int run(String[] args, String password, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        String url = options.get("--url");
        String user = options.get("--user");
        if (url == null || user == null || !options.containsKey("--ca")) {
            err.println("usage: --url JDBC-URL --user USER [--password-env VAR] [--checkpoints DIR] --ca CA.pem"
                    + " [--tsa-ca TSA-CA.pem] [--checkpoint-minutes N (0: do not require recent checkpoints)]");
            return 2;
        }
        X509Certificate ca;
        List<X509Certificate> tsaCas = new ArrayList<>();
        try {
            ca = certificate(options.get("--ca"));
            // the time-stamp authorities' CAs: the installation's own, or exactly those of the file
            tsaCas.addAll(options.containsKey("--tsa-ca") ? certificates(options.get("--tsa-ca")) : List.of(ca));
        } catch (IOException | CertificateException e) {
            err.println("verify-audit: cannot read a CA certificate: " + e.getMessage());
            return 2;
        }
        Path checkpointDir = options.containsKey("--checkpoints") ? Path.of(options.get("--checkpoints")) : null;
        CheckpointSet checkpoints = CheckpointSet.load(checkpointDir, CheckpointSet.verifiedBy(ca, tsaCas));
        long checkpointMinutes = Long.parseLong(options.getOrDefault("--checkpoint-minutes", "60"));
        Clock clock = Clock.systemUTC();
        if (options.containsKey("--as-of")) {
            try {
                clock = Clock.fixed(java.time.Instant.parse(options.get("--as-of")), java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                err.println("verify-audit: --as-of '" + options.get("--as-of") + "' is not an instant such as"
                        + " 2026-12-05T22:49:02Z");
                return 2;
            }
        }
        Duration maxUncovered = checkpointMinutes <= 0 ? null : Duration.ofMinutes(2 * checkpointMinutes + 10);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            AuditVerification result = AuditChainVerifier.verify(new AuditChainStore(connection), checkpoints, maxUncovered,
                    clock);
            connection.rollback();
            print(result, checkpointDir, out);
            return result.intact() ? 0 : 1;
        } catch (SQLException e) {
            err.println("verify-audit: cannot read the audit trail: " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")");
            return 2;
        }
    }

    private static X509Certificate certificate(String file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Every certificate in a PEM file (a file of several TSA CAs, old and new). */
    private static List<X509Certificate> certificates(String file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            List<X509Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (all.isEmpty()) {
                throw new CertificateException(file + " holds no certificate");
            }
            return all;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static void print(AuditVerification result, Path checkpointDir, PrintStream out) {
        out.println("Audit trail verification at " + result.verifiedAt());
        out.println("  links recomputed:     " + result.linksChecked());
        out.println("  chain head:           " + (result.chainHead() == null ? "(empty chain)" : result.chainHead()));
        out.println("  checkpoints checked:  " + result.checkpointsChecked()
                + (checkpointDir == null ? " (no checkpoint directory given)" : " (from " + checkpointDir + ")"));
        out.println("  revisions not yet linked: " + result.pendingRevisions()
                + (result.pendingRevisions() > 0 ? " (the running server links them within seconds)" : ""));
        if (result.intact()) {
            out.println("INTACT: every revision matches its link and every checkpoint.");
        } else {
            out.println("NOT INTACT" + (result.firstBadRevision() == null ? ""
                    : ": first bad revision " + result.firstBadRevision() + " (link " + result.firstBadPosition() + ")"));
            result.problems().forEach(problem -> out.println("  - " + problem));
        }
    }
}
