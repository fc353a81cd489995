package org.openebr.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * A tiny HTTP port for the demo (and for scripts in other languages): the simulator's controls as
 * {@code GET} or {@code POST} with query parameters, e.g.
 * {@code curl -X POST 'http://127.0.0.1:4841/set?node=V-101.Temperature&value=28.5'}.
 * <p>
 * Bound to 127.0.0.1 only and without authentication: anyone who can run {@code curl} on this machine can
 * make the simulated equipment misbehave, which is the point of it and why it is off unless asked for.
 * It outlives the OPC UA server it controls, so {@code /stop} and {@code /start} can take the machine
 * away and bring it back.
 */
public final class SimulatorControl implements AutoCloseable {

    private static final String HELP = """
            OpenEBR equipment simulator control (GET or POST, query parameters)
              /values                              every node: value, status, source timestamp
              /set?node=V-101.Temperature&value=28.5
              /filler?state=RUNNING|STOPPED|FAULT
              /force?node=FL-01.Checkweigher.FillWeight&status=Bad_SensorFailure   (or Uncertain, Bad, 0x808C0000)
              /release?node=...                    back to Good
              /freeze?node=...                     the value stops changing (flatline)
              /unfreeze?node=...
              /stop                                close the OPC UA server: clients lose the connection
              /start                               start it again (same port, same certificate)
            """;

    private final HttpServer http;
    private final ExecutorService executor;
    private final SimulatorConfig config;
    private EquipmentSimulator simulator;

    private SimulatorControl(HttpServer http, ExecutorService executor, SimulatorConfig config,
                             EquipmentSimulator simulator) {
        this.http = http;
        this.executor = executor;
        this.config = config;
        this.simulator = simulator;
    }

    /** Opens the control port given in the simulator's configuration. */
    public static SimulatorControl open(EquipmentSimulator simulator) {
        return open(simulator.config().controlPort(), simulator);
    }

    public static SimulatorControl open(int port, EquipmentSimulator simulator) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "openebr-sim-control");
                thread.setDaemon(true);
                return thread;
            });
            var control = new SimulatorControl(http, executor, simulator.config(), simulator);
            http.createContext("/", control::handle);
            http.setExecutor(executor);
            http.start();
            return control;
        } catch (IOException e) {
            throw new SimulatorException("cannot open the control port 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    /** The simulator now behind the port ({@code /start} replaces it). */
    public synchronized EquipmentSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = parameters(exchange);
            String action = exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "");
            int status = 200;
            String body;
            try {
                body = perform(action, params);
            } catch (IllegalArgumentException e) {
                status = 400;
                body = e.getMessage() + "\n";
            } catch (IllegalStateException e) {
                status = 409;
                body = e.getMessage() + "\n";
            } catch (RuntimeException e) {
                status = 500;
                body = e + "\n";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private synchronized String perform(String action, Map<String, String> params) {
        switch (action) {
            case "" -> {
                return HELP + "\n" + (simulator.isRunning() ? "running at " : "stopped: ") + simulator.endpointUrl()
                        + "\n";
            }
            case "values" -> {
                StringBuilder out = new StringBuilder();
                for (String id : simulator.nodeIds()) {
                    DataValue value = simulator.value(id);
                    out.append(id).append('\t').append(value.value().value()).append('\t')
                            .append(statusName(value.statusCode())).append('\t')
                            .append(value.sourceTime() == null ? "" : value.sourceTime().getJavaInstant())
                            .append('\n');
                }
                return out.toString();
            }
            case "set" -> {
                String node = required(params, "node");
                String value = required(params, "value");
                double number;
                try {
                    number = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("value must be a number: " + value, e);
                }
                simulator.set(node, number);
                return "ok " + node + " = " + value + "\n";
            }
            case "filler" -> {
                String state = required(params, "state");
                simulator.setFillerState(state);
                return "ok filler " + state.toUpperCase(Locale.ROOT) + "\n";
            }
            case "force" -> {
                String node = required(params, "node");
                StatusCode status = parseStatus(required(params, "status"));
                simulator.forceStatus(node, status);
                return "ok " + node + " now " + statusName(status) + "\n";
            }
            case "release" -> {
                String node = required(params, "node");
                simulator.releaseStatus(node);
                return "ok " + node + " Good again\n";
            }
            case "freeze" -> {
                String node = required(params, "node");
                simulator.freeze(node);
                return "ok " + node + " frozen\n";
            }
            case "unfreeze" -> {
                String node = required(params, "node");
                simulator.unfreeze(node);
                return "ok " + node + " moving again\n";
            }
            case "stop" -> {
                simulator.stop();
                return "ok stopped " + config.endpointUrl() + "\n";
            }
            case "start" -> {
                if (simulator.isRunning()) {
                    throw new IllegalStateException("already running at " + config.endpointUrl());
                }
                simulator = EquipmentSimulator.start(config);
                return "ok started " + config.endpointUrl() + "\n";
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "'\n" + HELP);
        }
    }

    /**
     * {@code Good}, {@code Uncertain}, {@code Bad}, a Milo constant name such as
     * {@code Bad_SensorFailure}, or the code itself ({@code 0x808C0000}).
     */
    static StatusCode parseStatus(String text) {
        String name = text.trim();
        if (name.equalsIgnoreCase("good")) {
            return StatusCode.GOOD;
        }
        if (name.equalsIgnoreCase("uncertain")) {
            return StatusCode.UNCERTAIN;
        }
        if (name.equalsIgnoreCase("bad")) {
            return StatusCode.BAD;
        }
        if (name.startsWith("0x") || name.startsWith("0X")) {
            try {
                return new StatusCode(Long.parseLong(name.substring(2), 16));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a status code: " + text, e);
            }
        }
        try {
            Field field = StatusCodes.class.getField(name);
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == long.class) {
                return new StatusCode(field.getLong(null));
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("unknown status code: " + text
                + " (Good, Uncertain, Bad, a name like Bad_SensorFailure, or 0x808C0000)");
    }

    static String statusName(StatusCode status) {
        return StatusCodes.lookup(status.value()).map(names -> names[0])
                .orElse(String.format("0x%08X", status.value()));
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing parameter '" + name + "'");
        }
        return value;
    }

    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        addParameters(exchange.getRequestURI().getRawQuery(), params);
        if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            try (InputStream in = exchange.getRequestBody()) {
                addParameters(new String(in.readNBytes(8192), StandardCharsets.UTF_8), params);
            }
        }
        return params;
    }

    private static void addParameters(String query, Map<String, String> params) {
        if (query == null || query.isBlank()) {
            return;
        }
        for (String pair : query.trim().split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
    }
}
