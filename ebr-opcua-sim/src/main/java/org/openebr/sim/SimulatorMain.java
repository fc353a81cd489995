package org.openebr.sim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar ebr-opcua-sim.jar [options]}: the simulator as a program, for the demo and for
 * benchmarks against a separate process. Prints where it listens, what security it offers and the
 * certificate thumbprint an OpenEBR administrator compares before trusting it; stops cleanly on SIGTERM
 * (or Ctrl-C).
 */
public final class SimulatorMain {

    private static final String USAGE = """
            usage: java -jar ebr-opcua-sim.jar [options]
              --host NAME            host in the endpoint URL and address to listen on (default localhost)
              --port N               OPC UA port (default 4840)
              --path /P              endpoint path (default /openebr-sim)
              --pki DIR              PKI directory (default ./openebr-sim-pki); the server certificate is
                                     created there once and reused
              --dev                  development mode: also None/None and anonymous (never for GMP data)
              --user NAME:PASSWORD   a user (repeatable); default openebr with $EBR_SIM_PASSWORD,
                                     else "sim-demo-password"
              --trust FILE           trust this client certificate, PEM or DER (repeatable)
              --control-port N       HTTP control on 127.0.0.1:N (default off)
              --bench-tags N         add Bench.Tag0000.. nodes that change on every tick (default 0)
              --tick-ms N            simulation step in ms (default 100)
              --seed N               random seed (default 20260421)
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietLibraries();
        SimulatorConfig config;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.print(USAGE);
                return;
            }
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }

        EquipmentSimulator simulator;
        SimulatorControl control;
        try {
            simulator = EquipmentSimulator.start(config);
        } catch (SimulatorException e) {
            System.err.println("OpenEBR equipment simulator did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            control = config.controlPort() > 0 ? SimulatorControl.open(simulator) : null;
        } catch (SimulatorException e) {
            simulator.stop();
            System.err.println("OpenEBR equipment simulator did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        describe(System.out, simulator, control);

        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (control != null) {
                control.close();
                control.simulator().stop();
            } else {
                simulator.stop();
            }
            System.out.println("OpenEBR equipment simulator stopped.");
            stopped.countDown();
        }, "openebr-sim-shutdown"));
        stopped.await();
    }

    static SimulatorConfig parse(String[] args) {
        Path pki = Path.of("openebr-sim-pki");
        SimulatorConfig config = SimulatorConfig.defaults(pki);
        Map<String, String> users = new LinkedHashMap<>();
        List<Path> trust = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--dev" -> config = config.withDevelopment(true);
                case "--host" -> config = config.withHost(value(args, ++i, option));
                case "--port" -> config = config.withPort(number(args, ++i, option));
                case "--path" -> config = config.withPath(value(args, ++i, option));
                case "--pki" -> config = config.withPkiDir(Path.of(value(args, ++i, option)));
                case "--control-port" -> config = config.withControlPort(number(args, ++i, option));
                case "--bench-tags" -> config = config.withBenchTags(number(args, ++i, option));
                case "--tick-ms" -> config = config.withTickMs(number(args, ++i, option));
                case "--seed" -> config = config.withSeed(Long.parseLong(value(args, ++i, option)));
                case "--trust" -> trust.add(Path.of(value(args, ++i, option)));
                case "--user" -> {
                    String user = value(args, ++i, option);
                    int colon = user.indexOf(':');
                    if (colon < 1 || colon == user.length() - 1) {
                        throw new IllegalArgumentException("--user needs NAME:PASSWORD");
                    }
                    users.put(user.substring(0, colon), user.substring(colon + 1));
                }
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (!users.isEmpty()) {
            var first = users.entrySet().iterator().next();
            config = config.withUser(first.getKey(), first.getValue());
            for (var user : users.entrySet()) {
                config = config.plusUser(user.getKey(), user.getValue());
            }
        }
        return config.withTrustFiles(trust);
    }

    static void describe(PrintStream out, EquipmentSimulator simulator, SimulatorControl control) {
        SimulatorConfig config = simulator.config();
        out.println("OpenEBR equipment simulator (OPC UA server, Eclipse Milo)");
        out.println("  endpoint:          " + simulator.endpointUrl());
        out.println("  security:          " + String.join(", ", simulator.securityPolicies()));
        out.println("  sign-in:           user name + password, X.509 user certificate"
                + (config.development() ? ", anonymous (development mode)" : ""));
        out.println("  users:             " + String.join(", ", config.users().keySet()));
        out.println("  certificate SHA-1: " + simulator.sha1Thumbprint());
        out.println("  PKI directory:     " + config.pkiDir().toAbsolutePath()
                + " (trust clients in trusted/certs; refused ones are in rejected)");
        out.println("  namespace:         " + EquipmentNodes.NAMESPACE_URI + ", e.g. "
                + EquipmentNodes.expandedNodeId(EquipmentNodes.V101_TEMPERATURE));
        out.println("  tick:              " + config.tickMs() + " ms, seed " + config.seed()
                + (config.benchTags() > 0 ? ", " + config.benchTags() + " bench tags" : ""));
        if (control != null) {
            out.println("  control:           " + control.url());
        }
        if (config.development()) {
            out.println("  WARNING: development mode offers an unsecured endpoint and anonymous sign-in.");
        }
        out.flush();
    }

    /**
     * Milo logs every connection at INFO; a demo console wants the simulator's own lines and warnings.
     * Set before the first logger exists; {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info} still wins.
     */
    private static void quietLibraries() {
        defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        defaultProperty("org.slf4j.simpleLogger.log.org.openebr", "info");
        // a client that connects just before /stop leaves Milo a session it cannot describe any more:
        // a stack trace about diagnostics nodes, nothing a client sees
        defaultProperty("org.slf4j.simpleLogger.log.org.eclipse.milo.opcua.sdk.server.diagnostics", "error");
        defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
        defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String[] args, int index, String option) {
        String text = value(args, index, option);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + text, e);
        }
    }
}
