package org.openebr.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/ebr} as an operator runs it on the test installation (its database, keys and checkpoints, unless the
 * caller points it elsewhere), and the scratch databases such runs restore into, beside the test database on the
 * same cluster.
 */
final class EbrCommand {

    record Run(int status, String output) {
        String lastLine() {
            return output.strip().lines().reduce((a, b) -> b).orElse("");
        }
    }

    private EbrCommand() {
    }

    /**
     * Runs {@code bin/ebr args} with the test installation's settings, {@code home} as EBR_HOME and the
     * overrides on top; waits for it and returns its exit status and output (stdout and stderr).
     */
    static Run run(Path home, Map<String, String> overrides, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", Path.of("..", "bin", "ebr").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("EBR_HOME", home.toAbsolutePath().toString());
        env.put("EBR_KEY_DIR", System.getProperty("ebr.test.key.dir"));
        env.put("EBR_AUDIT_CHECKPOINT_DIR", System.getProperty("ebr.test.checkpoint.dir"));
        env.put("EBR_DB_NAME", TestDatabase.name());
        env.put("EBR_DB_USER", System.getProperty("ebr.test.db.user"));
        env.put("EBR_DB_PASSWORD", System.getProperty("ebr.test.db.password"));
        env.put("EBR_DB_OWNER_USER", System.getProperty("ebr.test.db.owner.user"));
        env.put("EBR_DB_OWNER_PASSWORD", System.getProperty("ebr.test.db.owner.password"));
        env.putAll(overrides);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** A database of the test cluster other than the test database, as its owner role. */
    static Connection database(String name) throws SQLException {
        String url = System.getProperty("ebr.test.db.url");
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + name,
                System.getProperty("ebr.test.db.owner.user"), System.getProperty("ebr.test.db.owner.password"));
    }

    static boolean databaseExists(String name) throws SQLException {
        try (Connection cluster = TestDatabase.asOwnerOfCluster();
             PreparedStatement query = cluster.prepareStatement("select count(*) from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    static void dropDatabase(String name) throws SQLException {
        if (databaseExists(name)) {
            try (Connection cluster = TestDatabase.asOwnerOfCluster(); Statement sql = cluster.createStatement()) {
                sql.execute("DROP DATABASE \"" + name + "\" WITH (FORCE)");
            }
        }
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
