import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Installation qualification (bin/ebr iq): checks an installation of OpenEBR against its specification - the
 * release it was installed from (the build in the repository: EAR and server configuration checksums, server
 * version, schema version) and the rules every installation must keep (Java, PostgreSQL, database roles and
 * grants, migrations, TLS, key store, time, audit trail) - and writes a report that passes or names each failure.
 * Independent of the application's code: JDK and the PostgreSQL JDBC driver only.
 *
 * <p>Arguments are {@code --name value}; see {@code bin/ebr iq}. Exit 0 only when every check passes; the last line
 * names the report folder.
 */
public final class Iq {

    record Check(String id, String name, boolean passed, String expected, String found) {
    }

    /** The one table the runtime role deletes from: expired signing nonces, guarded by a trigger (V8). */
    static final Set<String> DELETE_ALLOWED = Set.of("signature_nonce");

    private final Map<String, String> args;
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, String> release = new LinkedHashMap<>();

    private Iq(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        // the TLS check offers old protocols itself, so that a refusal is the server's, not this client's
        java.security.Security.setProperty("jdk.tls.disabledAlgorithms", "");
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        Iq iq = new Iq(args);
        iq.run();
        Path folder = iq.report();
        long failed = iq.checks.stream().filter(c -> !c.passed()).count();
        for (Check c : iq.checks) {
            System.out.printf("%-6s %-5s %s: %s%n", c.id(), c.passed() ? "PASS" : "FAIL", c.name(), c.found());
        }
        System.out.println(failed == 0 ? "IQ PASSED: " + iq.checks.size() + " checks"
                : "IQ FAILED: " + failed + " of " + iq.checks.size() + " checks failed");
        System.out.println("IQ report: " + folder);
        System.exit(failed == 0 ? 0 : 1);
    }

    private String arg(String name) {
        String value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    private void check(String id, String name, boolean passed, String expected, String found) {
        checks.add(new Check(id, name, passed, expected, found));
    }

    /** A check that could not be made is a failure that says why. */
    private interface Body {
        void run() throws Exception;
    }

    private void attempt(String id, String name, String expected, Body body) {
        int before = checks.size();
        try {
            body.run();
        } catch (Exception | Error e) {
            checks.subList(before, checks.size()).clear();
            check(id, name, false, expected, "could not be checked: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private void run() {
        Path root = Path.of(arg("release-root"));
        Path serverHome = Path.of(arg("server-home"));
        Path serverBase = Path.of(arg("server-base"));
        Path builtEar = root.resolve("ebr-ear/target/ebr.ear");
        Path builtConfig = root.resolve("wildfly-config/target/server/standalone/configuration/standalone.xml");

        attempt("IQ-01", "Java runtime", "Java 17 or later", () -> {
            int major = Runtime.version().feature();
            check("IQ-01", "Java runtime", major >= 17, "Java 17 or later", System.getProperty("java.vendor") + " "
                    + Runtime.version());
        });
        attempt("IQ-02", "Application server version", "the release's WildFly", () -> {
            String expected = productVersion(root.resolve("wildfly-config/target/server"));
            String found = productVersion(serverHome);
            release.put("wildfly.version", expected);
            check("IQ-02", "Application server version", expected.equals(found), "WildFly " + expected,
                    "WildFly " + found + " at " + serverHome);
        });
        attempt("IQ-03", "Deployed application (EAR checksum)", "SHA-256 of the release's ebr.ear", () -> {
            String expected = sha256(builtEar);
            release.put("ebr.ear.sha256", expected);
            Path deployed = serverBase.resolve("deployments/ebr.ear");
            String found = Files.exists(deployed) ? sha256(deployed) : "no ebr.ear deployed";
            boolean marker = Files.exists(serverBase.resolve("deployments/ebr.ear.deployed"));
            check("IQ-03", "Deployed application (EAR checksum)", expected.equals(found) && marker,
                    "ebr.ear " + expected + ", deployed", deployed + " " + found + (marker ? ", deployed"
                            : ", not marked deployed"));
        });
        attempt("IQ-04", "Server configuration (checksum)", "SHA-256 of the release's standalone.xml", () -> {
            String expected = sha256(builtConfig);
            release.put("standalone.xml.sha256", expected);
            Path installed = serverBase.resolve("configuration/standalone.xml");
            String found = sha256(installed);
            check("IQ-04", "Server configuration (checksum)", expected.equals(found), "standalone.xml " + expected,
                    installed + " " + found);
        });
        attempt("IQ-05", "Application health", "status UP, schema at the expected version", () -> {
            String body = get(arg("health-url"));
            check("IQ-05", "Application health", body.contains("\"status\":\"UP\""), "status UP", body.strip());
        });
        database(root);
        tls();
        keyStore();
        audit();
    }

    private void database(Path root) {
        String expectedSchema;
        try (Stream<Path> migrations = Files.list(root.resolve("ebr-ejb/src/main/resources/db/migration"))) {
            expectedSchema = String.valueOf(migrations.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql")).mapToInt(n -> Integer.parseInt(n.substring(1,
                            n.indexOf("__")))).max().orElse(0));
        } catch (IOException e) {
            expectedSchema = "unknown (" + e.getMessage() + ")";
        }
        release.put("schema.version", expectedSchema);
        String schema = expectedSchema;
        String app = arg("app-role");
        String owner = arg("owner-role");
        try (Connection db = DriverManager.getConnection(arg("db-url"), owner, System.getenv(arg("owner-password-env")));
             Statement sql = db.createStatement()) {
            attempt("IQ-06", "PostgreSQL server version", "PostgreSQL 15 or later", () -> {
                int version = Integer.parseInt(single(sql, "select current_setting('server_version_num')"));
                check("IQ-06", "PostgreSQL server version", version >= 150000, "PostgreSQL 15 or later",
                        single(sql, "select version()"));
            });
            attempt("IQ-07", "Database migrations", "every migration applied, at version " + schema, () -> {
                String max = single(sql, "select max(version::int)::text from ebr.flyway_schema_history"
                        + " where version is not null and success");
                String failed = single(sql, "select count(*)::text from ebr.flyway_schema_history where not success");
                check("IQ-07", "Database migrations", schema.equals(max) && failed.equals("0"),
                        "schema version " + schema + ", no failed migration", "schema version " + max + ", "
                                + failed + " failed");
            });
            attempt("IQ-08", "Database roles", app + " is no superuser and owns nothing; " + owner
                    + " owns every table", () -> {
                String flags = single(sql, "select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls"
                        + " from pg_roles where rolname = '" + app + "'");
                String owned = single(sql, "select count(*)::text from pg_tables where schemaname = 'ebr'"
                        + " and tableowner = '" + app + "'");
                String notOwner = single(sql, "select coalesce(string_agg(tablename, ', '), '') from pg_tables"
                        + " where schemaname = 'ebr' and tableowner <> '" + owner + "'");
                check("IQ-08", "Database roles", "f".equals(flags) && "0".equals(owned) && notOwner.isEmpty(),
                        app + ": no superuser/createrole/createdb/bypassrls, owns no table; " + owner
                                + " owns every table", app + " privileged: " + flags + ", tables owned by " + app
                                + ": " + owned + (notOwner.isEmpty() ? "" : "; not owned by " + owner + ": " + notOwner));
            });
            attempt("IQ-09", "Grants of the runtime role", "SELECT, INSERT on every table; never DELETE or"
                    + " TRUNCATE; no UPDATE on append-only tables", () -> {
                List<String> wrong = new ArrayList<>();
                Set<String> appendOnly = new TreeSet<>();
                try (ResultSet r = sql.executeQuery("select c.relname from pg_trigger t join pg_class c"
                        + " on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'ebr'"
                        + " and t.tgname = c.relname || '_append_only'")) {
                    while (r.next()) {
                        appendOnly.add(r.getString(1));
                    }
                }
                int tables = 0;
                try (ResultSet r = sql.executeQuery("select tablename, has_table_privilege('" + app
                        + "', 'ebr.' || quote_ident(tablename), 'SELECT'), has_table_privilege('" + app
                        + "', 'ebr.' || quote_ident(tablename), 'INSERT'), has_table_privilege('" + app
                        + "', 'ebr.' || quote_ident(tablename), 'UPDATE'), has_table_privilege('" + app
                        + "', 'ebr.' || quote_ident(tablename), 'DELETE'), has_table_privilege('" + app
                        + "', 'ebr.' || quote_ident(tablename), 'TRUNCATE') from pg_tables where schemaname = 'ebr'"
                        + " and tablename <> 'flyway_schema_history' order by tablename")) {
                    while (r.next()) {
                        tables++;
                        String t = r.getString(1);
                        if (!r.getBoolean(2)) {
                            wrong.add(t + ": SELECT missing");
                        }
                        if (!r.getBoolean(3)) {
                            wrong.add(t + ": INSERT missing");
                        }
                        if (r.getBoolean(4) && appendOnly.contains(t)) {
                            wrong.add(t + ": UPDATE granted on an append-only table");
                        }
                        if (r.getBoolean(5) && !DELETE_ALLOWED.contains(t)) {
                            wrong.add(t + ": DELETE granted");
                        }
                        if (r.getBoolean(6)) {
                            wrong.add(t + ": TRUNCATE granted");
                        }
                    }
                }
                check("IQ-09", "Grants of the runtime role", wrong.isEmpty() && tables > 0,
                        "SELECT, INSERT on every table of schema ebr; no DELETE (but on expired signature_nonce"
                                + " rows), no TRUNCATE; no UPDATE on the "
                                + appendOnly.size() + " append-only tables",
                        wrong.isEmpty() ? tables + " tables as specified" : String.join("; ", wrong));
            });
            attempt("IQ-10", "Time", "database and this host agree within 2 s", () -> {
                Instant host = Instant.now();
                Instant database = Instant.parse(single(sql,
                        "select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"));
                long skew = Math.abs(Duration.between(host, database).toMillis());
                check("IQ-10", "Time", skew <= 2000, "database and host within 2000 ms (the server stores the"
                        + " database's and its own clock's time)", "skew " + skew + " ms; host synchronisation: "
                        + timeSync());
            });
        } catch (SQLException e) {
            check("IQ-06", "Database connection", false, "the owner role connects to " + arg("db-url"),
                    e.getMessage());
        }
    }

    private void tls() {
        String host = arg("https-host");
        int port = Integer.parseInt(arg("https-port"));
        attempt("IQ-11", "TLS", "TLS 1.2 or 1.3 offered, TLS 1.1 refused, certificate valid", () -> {
            String negotiated = handshake(host, port, null);
            String old = handshake(host, port, "TLSv1.1");
            X509Certificate cert = certificate(host, port);
            Instant expires = cert.getNotAfter().toInstant();
            boolean valid = expires.isAfter(Instant.now()) && cert.getNotBefore().toInstant().isBefore(Instant.now());
            boolean ok = (negotiated.equals("TLSv1.3") || negotiated.equals("TLSv1.2")) && old.startsWith("refused")
                    && valid;
            check("IQ-11", "TLS", ok, "TLS 1.2 or 1.3 negotiated, TLS 1.1 refused, certificate valid now",
                    "negotiated " + negotiated + "; TLS 1.1: " + old + "; certificate " + cert.getSubjectX500Principal()
                            + " valid until " + expires);
        });
    }

    private void keyStore() {
        Path dir = Path.of(arg("key-dir"));
        attempt("IQ-12", "Key store", "openebr-trust.p12 readable by its owner only, opened by its password,"
                + " with the installation's keys; ca.pem present", () -> {
            Path store = dir.resolve("openebr-trust.p12");
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(store);
            boolean ownerOnly = perms.stream().allMatch(p -> p.name().startsWith("OWNER"));
            String password = System.getenv(arg("key-password-env"));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password == null ? new char[0] : password.toCharArray());
            }
            List<String> missing = new ArrayList<>();
            for (String alias : List.of("internal-ca", "time-stamp-authority", "audit-checkpoint-signer",
                    "document-signer", "signature-key-encryption")) {
                if (!keys.containsAlias(alias)) {
                    missing.add(alias);
                }
            }
            X509Certificate ca;
            try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
                ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            check("IQ-12", "Key store", ownerOnly && missing.isEmpty(), "owner-only permissions, the five keys,"
                    + " ca.pem", store + " " + java.nio.file.attribute.PosixFilePermissions.toString(perms)
                    + (missing.isEmpty() ? ", all keys present" : ", missing: " + missing) + "; CA "
                    + ca.getSubjectX500Principal());
        });
    }

    private void audit() {
        String command = args.get("audit-command");
        if (command == null) {
            return;
        }
        attempt("IQ-13", "Audit trail", "hash chain and signed checkpoints intact (bin/ebr verify-audit)", () -> {
            Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = p.waitFor();
            String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
            check("IQ-13", "Audit trail", status == 0, "verify-audit exits 0", "exit " + status + ": " + last);
        });
    }

    // ------------------------------------------------------------------ helpers

    private static String productVersion(Path serverHome) throws IOException {
        Path dir = serverHome.resolve("modules/system/layers/base/org/jboss/as/product/main");
        try (Stream<Path> files = Files.list(dir)) {
            Path jar = files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IOException("no product jar in " + dir));
            try (JarFile j = new JarFile(jar.toFile())) {
                String v = j.getManifest().getMainAttributes().getValue("JBoss-Product-Release-Version");
                return v != null ? v : jar.getFileName().toString();
            }
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet r = sql.executeQuery(query)) {
            return r.next() ? String.valueOf(r.getString(1)) : "";
        }
    }

    private static String get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
            return c.getResponseCode() + " " + (in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Inspects, does not trust: the check is about what the server offers, not whom to trust. */
    private static SSLContext inspecting() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String type) { }
            public void checkServerTrusted(X509Certificate[] chain, String type) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        return context;
    }

    private static String handshake(String host, int port, String only) {
        try (SSLSocket socket = (SSLSocket) inspecting().getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(5000);
            if (only != null) {
                socket.setEnabledProtocols(new String[] {only});
            }
            socket.startHandshake();
            return socket.getSession().getProtocol();
        } catch (Exception e) {
            return "refused (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    private static X509Certificate certificate(String host, int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) inspecting().getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static String timeSync() {
        for (List<String> command : List.of(List.of("timedatectl", "show", "-p", "NTPSynchronized", "--value"),
                List.of("chronyc", "tracking"))) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor() == 0 && !out.isEmpty()) {
                    return command.get(0) + ": " + out.lines().findFirst().orElse("");
                }
            } catch (IOException | InterruptedException e) {
                // not on this host
            }
        }
        return "not visible on this host (no systemd or chrony): the site's time service is checked by its own"
                + " procedure";
    }

    private Path report() throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path folder = Path.of(arg("report-dir")).resolve("iq-" + stamp).toAbsolutePath().normalize();
        Files.createDirectories(folder);
        StringBuilder manifest = new StringBuilder("# the release the installation is checked against: the build in "
                + arg("release-root") + "\n");
        release.forEach((k, v) -> manifest.append(k).append('=').append(v).append('\n'));
        Files.writeString(folder.resolve("release-manifest.properties"), manifest.toString());
        long failed = checks.stream().filter(c -> !c.passed()).count();
        StringBuilder r = new StringBuilder();
        r.append("OpenEBR installation qualification\n==================================\n\n")
                .append("Performed: ").append(Instant.now()).append(" on ").append(hostName()).append('\n')
                .append("Installation: ").append(arg("server-base")).append(", database ").append(arg("db-url"))
                .append('\n').append("Release: ").append(arg("release-root")).append('\n')
                .append("Result: ").append(failed == 0 ? "PASSED" : "FAILED (" + failed + " of " + checks.size()
                        + " checks)").append("\n\n");
        for (Check c : checks) {
            r.append(c.id()).append("  ").append(c.passed() ? "PASS" : "FAIL").append("  ").append(c.name())
                    .append("\n      expected: ").append(c.expected()).append("\n      found:    ")
                    .append(c.found()).append("\n\n");
        }
        r.append("Performed by: ____________________  Date: __________  Signature: ____________________\n")
                .append("Reviewed by:  ____________________  Date: __________  Signature: ____________________\n");
        Files.writeString(folder.resolve("iq-report.txt"), r.toString());
        return folder;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
