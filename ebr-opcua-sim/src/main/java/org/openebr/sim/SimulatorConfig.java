package org.openebr.sim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one simulator is started. Immutable, so a test can stop a simulator and start the same
 * configuration again (same port, same PKI directory, hence the same server certificate).
 *
 * @param host         the host name in the endpoint URL, also the address the server binds to
 * @param port         the OPC UA TCP port (4840 is the IANA port for OPC UA)
 * @param path         the endpoint path, starting with {@code /}
 * @param pkiDir       the PKI directory: {@code own/} (the server's key and certificate),
 *                     {@code trusted/certs/}, {@code issuer/}, {@code rejected/}
 * @param development  development mode: also offers the unsecured None/None endpoint and anonymous
 *                     sign-in. Never for anything a GMP record is taken from.
 * @param users        user name to password, for the UserName token
 * @param trustFiles   client certificate files (PEM or DER) copied into {@code trusted/certs/} at start
 * @param controlPort  the HTTP control port on 127.0.0.1 that {@link SimulatorMain} opens; 0 = none
 * @param benchTags    how many {@code Bench.TagNNNN} nodes to add (values change on every tick)
 * @param tickMs       the simulation step: a new vial, a new temperature reading, new bench values
 * @param seed         the seed of the simulation's random numbers, so a run can be repeated
 */
public record SimulatorConfig(String host, int port, String path, Path pkiDir, boolean development,
                              Map<String, String> users, List<Path> trustFiles, int controlPort,
                              int benchTags, long tickMs, long seed) {

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 4840;
    public static final String DEFAULT_PATH = "/openebr-sim";
    public static final String DEFAULT_USER = "openebr";
    /** Only for demos; a real deployment sets {@code EBR_SIM_PASSWORD}. */
    public static final String DEMO_PASSWORD = "sim-demo-password";
    public static final long DEFAULT_TICK_MS = 100;
    public static final long DEFAULT_SEED = 20_260_421L;

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pkiDir, "pkiDir");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        path = path == null || path.isEmpty() ? "" : path.startsWith("/") ? path : "/" + path;
        users = Map.copyOf(users);
        trustFiles = List.copyOf(trustFiles);
        if (controlPort < 0 || controlPort > 65_535) {
            throw new IllegalArgumentException("control port out of range: " + controlPort);
        }
        if (benchTags < 0 || benchTags > 100_000) {
            throw new IllegalArgumentException("bench tags must be 0..100000: " + benchTags);
        }
        if (tickMs < 1) {
            throw new IllegalArgumentException("tick must be at least 1 ms: " + tickMs);
        }
        if (users.isEmpty() && !development) {
            throw new IllegalArgumentException("no user: outside development mode nobody could sign in");
        }
    }

    /**
     * The defaults: {@code opc.tcp://localhost:4840/openebr-sim}, secured endpoints only, user
     * {@code openebr} with the password from {@code EBR_SIM_PASSWORD} (else {@value #DEMO_PASSWORD}),
     * a 100 ms tick, no bench tags, no control port.
     */
    public static SimulatorConfig defaults(Path pkiDir) {
        String password = System.getenv("EBR_SIM_PASSWORD");
        if (password == null || password.isBlank()) {
            password = DEMO_PASSWORD;
        }
        return new SimulatorConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_PATH, pkiDir, false,
                Map.of(DEFAULT_USER, password), List.of(), 0, 0, DEFAULT_TICK_MS, DEFAULT_SEED);
    }

    /** The URL clients connect to, e.g. {@code opc.tcp://localhost:4840/openebr-sim}. */
    public String endpointUrl() {
        return "opc.tcp://" + host + ":" + port + path;
    }

    public SimulatorConfig withHost(String newHost) {
        return new SimulatorConfig(newHost, port, path, pkiDir, development, users, trustFiles, controlPort,
                benchTags, tickMs, seed);
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(host, newPort, path, pkiDir, development, users, trustFiles, controlPort,
                benchTags, tickMs, seed);
    }

    public SimulatorConfig withPath(String newPath) {
        return new SimulatorConfig(host, port, newPath, pkiDir, development, users, trustFiles, controlPort,
                benchTags, tickMs, seed);
    }

    public SimulatorConfig withPkiDir(Path newPkiDir) {
        return new SimulatorConfig(host, port, path, newPkiDir, development, users, trustFiles, controlPort,
                benchTags, tickMs, seed);
    }

    public SimulatorConfig withDevelopment(boolean newDevelopment) {
        return new SimulatorConfig(host, port, path, pkiDir, newDevelopment, users, trustFiles, controlPort,
                benchTags, tickMs, seed);
    }

    /** Replaces all users by this one. */
    public SimulatorConfig withUser(String name, String password) {
        return new SimulatorConfig(host, port, path, pkiDir, development, Map.of(name, password), trustFiles,
                controlPort, benchTags, tickMs, seed);
    }

    /** Adds a user (or changes the password of one). */
    public SimulatorConfig plusUser(String name, String password) {
        Map<String, String> more = new LinkedHashMap<>(users);
        more.put(name, password);
        return new SimulatorConfig(host, port, path, pkiDir, development, more, trustFiles, controlPort,
                benchTags, tickMs, seed);
    }

    public SimulatorConfig withTrustFiles(List<Path> newTrustFiles) {
        return new SimulatorConfig(host, port, path, pkiDir, development, users, newTrustFiles, controlPort,
                benchTags, tickMs, seed);
    }

    public SimulatorConfig withControlPort(int newControlPort) {
        return new SimulatorConfig(host, port, path, pkiDir, development, users, trustFiles, newControlPort,
                benchTags, tickMs, seed);
    }

    public SimulatorConfig withBenchTags(int newBenchTags) {
        return new SimulatorConfig(host, port, path, pkiDir, development, users, trustFiles, controlPort,
                newBenchTags, tickMs, seed);
    }

    public SimulatorConfig withTickMs(long newTickMs) {
        return new SimulatorConfig(host, port, path, pkiDir, development, users, trustFiles, controlPort,
                benchTags, newTickMs, seed);
    }

    public SimulatorConfig withSeed(long newSeed) {
        return new SimulatorConfig(host, port, path, pkiDir, development, users, trustFiles, controlPort,
                benchTags, tickMs, newSeed);
    }

    /** Passwords stay out of logs and test reports. */
    @Override
    public String toString() {
        return "SimulatorConfig[" + endpointUrl() + ", pki=" + pkiDir + ", development=" + development
                + ", users=" + users.keySet() + ", trustFiles=" + trustFiles + ", controlPort=" + controlPort
                + ", benchTags=" + benchTags + ", tickMs=" + tickMs + ", seed=" + seed + "]";
    }
}
