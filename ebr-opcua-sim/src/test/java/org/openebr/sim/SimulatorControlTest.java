package org.openebr.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo's HTTP control port and the command line. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatorControlTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_control_port_sets_forces_freezes_stops_and_starts() throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults(dir.resolve("pki"))
                .withPort(TestClients.freePort())
                .withUser("openebr", "x")
                .withTickMs(20);
        EquipmentSimulator simulator = EquipmentSimulator.start(config);
        SimulatorControl control = SimulatorControl.open(TestClients.freePort(), simulator);
        try {
            assertThat(control.url()).startsWith("http://127.0.0.1:");
            assertThat(get(control, "")).startsWith("200 OpenEBR equipment simulator control");

            assertThat(post(control, "freeze?node=V-101.Temperature")).startsWith("200 ");
            assertThat(post(control, "set?node=V-101.Temperature&value=28.5")).startsWith("200 ");
            assertThat(simulator.value(EquipmentNodes.V101_TEMPERATURE).value().value()).isEqualTo(28.5);

            assertThat(post(control, "force?node=FL-01.Checkweigher.FillWeight&status=Bad_SensorFailure"))
                    .startsWith("200 ");
            assertThat(simulator.value(EquipmentNodes.FL01_FILL_WEIGHT).statusCode().value())
                    .isEqualTo(StatusCodes.Bad_SensorFailure);
            assertThat(post(control, "filler?state=FAULT")).startsWith("200 ");
            assertThat(get(control, "values")).contains("FL-01.Filler.State\tFAULT\tGood");

            assertThat(post(control, "set?node=V-999.Nothing&value=1")).startsWith("400 no such node");
            assertThat(post(control, "force?node=V-101.Temperature&status=Splendid")).startsWith("400 ");

            String thumbprint = simulator.sha1Thumbprint();
            assertThat(post(control, "stop")).startsWith("200 ");
            assertThat(simulator.isRunning()).isFalse();
            assertThat(get(control, "values")).startsWith("409 ");
            assertThat(post(control, "start")).startsWith("200 ");
            assertThat(control.simulator().isRunning()).isTrue();
            assertThat(control.simulator().sha1Thumbprint()).isEqualTo(thumbprint);
        } finally {
            control.close();
            control.simulator().stop();
        }
    }

    @Test
    void status_codes_are_named_like_milo_or_given_as_numbers() {
        assertThat(SimulatorControl.parseStatus("Bad_SensorFailure").value()).isEqualTo(StatusCodes.Bad_SensorFailure);
        assertThat(SimulatorControl.parseStatus("uncertain")).isEqualTo(StatusCode.UNCERTAIN);
        assertThat(SimulatorControl.parseStatus("0x808C0000").value()).isEqualTo(StatusCodes.Bad_SensorFailure);
        assertThat(SimulatorControl.statusName(new StatusCode(StatusCodes.Bad_SensorFailure)))
                .isEqualTo("Bad_SensorFailure");
        assertThatThrownBy(() -> SimulatorControl.parseStatus("Bad_Whatever"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_command_line_options_make_the_configuration() {
        SimulatorConfig config = SimulatorMain.parse(new String[] {
            "--host", "127.0.0.1", "--port", "48123", "--path", "sim", "--pki", "/tmp/p", "--dev",
            "--user", "a:pw1", "--user", "b:pw:2", "--trust", "c.pem", "--control-port", "48124",
            "--bench-tags", "10", "--tick-ms", "50", "--seed", "7"});

        assertThat(config.endpointUrl()).isEqualTo("opc.tcp://127.0.0.1:48123/sim");
        assertThat(config.pkiDir()).isEqualTo(Path.of("/tmp/p"));
        assertThat(config.development()).isTrue();
        assertThat(config.users()).isEqualTo(Map.of("a", "pw1", "b", "pw:2"));
        assertThat(config.trustFiles()).containsExactly(Path.of("c.pem"));
        assertThat(config.controlPort()).isEqualTo(48124);
        assertThat(config.benchTags()).isEqualTo(10);
        assertThat(config.tickMs()).isEqualTo(50);
        assertThat(config.seed()).isEqualTo(7);
        assertThat(config.toString()).doesNotContain("pw1");

        SimulatorConfig defaults = SimulatorMain.parse(new String[0]);
        assertThat(defaults.endpointUrl()).isEqualTo("opc.tcp://localhost:4840/openebr-sim");
        assertThat(defaults.development()).isFalse();
        assertThat(defaults.users()).containsKey("openebr");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--user", "nopassword"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bench_tags_change_on_every_tick() throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults(dir.resolve("pki"))
                .withPort(TestClients.freePort()).withUser("u", "p").withBenchTags(25).withTickMs(10);
        try (EquipmentSimulator simulator = EquipmentSimulator.start(config)) {
            assertThat(simulator.nodeIds()).contains(EquipmentNodes.benchTag(0), EquipmentNodes.benchTag(24))
                    .doesNotContain(EquipmentNodes.benchTag(25));
            Object before = simulator.value("Bench.Tag0024").value().value();
            Thread.sleep(50);
            assertThat(simulator.value("nsu=urn:openebr:sim;s=Bench.Tag0024").value().value()).isNotEqualTo(before);
        }
    }

    private String get(SimulatorControl control, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(control.url() + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private String post(SimulatorControl control, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(control.url() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
