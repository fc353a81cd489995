import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake ERP for the tests and the demo: it receives OpenEBR's confirmations (POST /confirmations),
 * records each one with its X-Message-Id, and can be told to fail, so that delivery across an outage
 * can be seen and tested.
 *
 * <pre>
 *   java bin/lib/FakeErp.java [port]                                   (default 8099)
 *   POST /confirmations          a confirmation (JSON or B2MML XML); 200, unless told otherwise
 *   POST /control?mode=M&count=N M = ok | fail (503) | timeout (answers 200 after 'delay' seconds, default 8)
 *                                | close (closes the connection without an answer); N requests (0 = until changed)
 *   GET  /received               what arrived, in order: messageId, batch, sequence, kind, answer, and duplicate
 *                                (the id was booked before: a second booking the ERP must drop by the id)
 *   POST /reset                  forgets everything, mode ok
 *   GET  /                       the same as a page for people
 * </pre>
 */
public class FakeErp {

    private record Received(int n, String messageId, String batchId, int sequence, String kind, String contentType,
                            Instant at, boolean duplicate, String answer, String body) {
    }

    private static final List<Received> RECEIVED = new ArrayList<>();
    /** The message ids booked (answered 200), with how often. */
    private static final Map<String, Integer> SEEN = new HashMap<>();
    private static String mode = "ok";
    private static int remaining;
    private static int delaySeconds = 8;

    public static void main(String[] args) throws IOException {
        // answer without waiting for the client's delayed ACK (else every exchange takes some 40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/confirmations", FakeErp::confirmation);
        server.createContext("/control", FakeErp::control);
        server.createContext("/received", exchange -> send(exchange, 200, "application/json", json()));
        server.createContext("/reset", exchange -> {
            synchronized (FakeErp.class) {
                RECEIVED.clear();
                SEEN.clear();
                mode = "ok";
                remaining = 0;
            }
            send(exchange, 200, "text/plain", "reset\n");
        });
        server.createContext("/", exchange -> send(exchange, 200, "text/html; charset=UTF-8", page()));
        server.start();
        System.out.println("fake ERP listening on http://127.0.0.1:" + port + "/confirmations");
    }

    private static void confirmation(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "POST only\n");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("X-Message-Id");
        String behaviour;
        synchronized (FakeErp.class) {
            behaviour = mode;
            if (!"ok".equals(mode) && remaining > 0 && --remaining == 0) {
                mode = "ok";
            }
        }
        String answer = switch (behaviour) {
            case "fail" -> "503";
            case "timeout" -> "200 after " + delaySeconds + " s";
            case "close" -> "closed";
            default -> "200";
        };
        record(id, exchange.getRequestHeaders().getFirst("Content-Type"), text, answer);
        switch (behaviour) {
            case "fail" -> send(exchange, 503, "text/plain", "ERP unavailable (fake ERP told to fail)\n");
            case "timeout" -> {
                sleep(delaySeconds);
                send(exchange, 200, "text/plain", "booked (late)\n");
            }
            case "close" -> exchange.close();
            default -> send(exchange, 200, "text/plain", "booked\n");
        }
    }

    /** A receipt is a duplicate when the same message id was booked (answered 200) before. */
    private static synchronized void record(String id, String contentType, String body, String answer) {
        String key = id == null ? "(none)" : id;
        boolean duplicate = SEEN.containsKey(key);
        if (answer.startsWith("200")) {
            SEEN.merge(key, 1, Integer::sum);
        }
        RECEIVED.add(new Received(RECEIVED.size() + 1, key, field(body, "batchId", "OperationsResponse>\\s*<ID"),
                Integer.parseInt(nonNull(field(body, "sequence", null), "0")), kindOf(body), contentType, Instant.now(),
                duplicate, answer, body));
    }

    private static void control(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        synchronized (FakeErp.class) {
            mode = q.getOrDefault("mode", "ok");
            remaining = Integer.parseInt(q.getOrDefault("count", "0"));
            delaySeconds = Integer.parseInt(q.getOrDefault("delay", String.valueOf(delaySeconds)));
        }
        send(exchange, 200, "text/plain", "mode " + mode + (remaining > 0 ? " for " + remaining + " requests" : "") + "\n");
    }

    private static synchronized String json() {
        StringBuilder out = new StringBuilder("{\"received\":[");
        for (int i = 0; i < RECEIVED.size(); i++) {
            Received r = RECEIVED.get(i);
            out.append(i == 0 ? "" : ",").append("{\"n\":").append(r.n()).append(",\"messageId\":").append(q(r.messageId()))
                    .append(",\"batchId\":").append(q(r.batchId())).append(",\"sequence\":").append(r.sequence())
                    .append(",\"kind\":").append(q(r.kind())).append(",\"contentType\":").append(q(r.contentType()))
                    .append(",\"at\":").append(q(r.at().toString())).append(",\"duplicate\":").append(r.duplicate())
                    .append(",\"answer\":").append(q(r.answer())).append(",\"body\":").append(q(r.body())).append("}");
        }
        return out.append("],\"distinct\":").append(SEEN.size()).append(",\"mode\":").append(q(mode)).append("}").toString();
    }

    private static synchronized String page() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang='en'><head><meta charset='UTF-8'><title>Fake ERP"
                + "</title><style>body{font-family:sans-serif;margin:2em}td,th{border-bottom:1px solid #ccc;padding:4px 8px;"
                + "text-align:left}.dup{color:#b71c1c}</style></head><body><h1>Fake ERP: confirmations received</h1><p>Mode: "
                + esc(mode) + ". " + RECEIVED.size() + " received, " + SEEN.size() + " distinct messages booked.</p><table><tr>"
                + "<th>#</th><th>Received</th><th>Batch</th><th>Seq</th><th>Kind</th><th>Message id</th><th>Answer</th></tr>");
        for (Received r : RECEIVED) {
            out.append("<tr><td>").append(r.n()).append("</td><td>").append(r.at()).append("</td><td>").append(esc(r.batchId()))
                    .append("</td><td>").append(r.sequence()).append("</td><td>").append(esc(r.kind())).append("</td><td")
                    .append(r.duplicate() ? " class='dup'>" : ">").append(esc(r.messageId()))
                    .append(r.duplicate() ? " (duplicate)" : "").append("</td><td>").append(esc(r.answer())).append("</td></tr>");
        }
        return out.append("</table></body></html>").toString();
    }

    private static String kindOf(String body) {
        String kind = field(body, "kind", null);
        if (kind != null) {
            return kind;
        }
        Matcher m = Pattern.compile("<ID>Kind</ID>\\s*<Value>\\s*<ValueString>([^<]*)<").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** A string or number field of a JSON body, or the text of an XML element after the given pattern. */
    private static String field(String body, String name, String xmlBefore) {
        Matcher json = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(body);
        if (json.find()) {
            return json.group(1);
        }
        if (xmlBefore != null) {
            Matcher xml = Pattern.compile(xmlBefore + ">([^<]*)<").matcher(body);
            if (xml.find()) {
                return xml.group(1);
            }
        }
        if (name.equals("sequence")) {
            Matcher xml = Pattern.compile("<ID>Sequence</ID>\\s*<Value>\\s*<ValueString>(\\d+)<").matcher(body);
            return xml.find() ? xml.group(1) : null;
        }
        return null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String nonNull(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static String q(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
