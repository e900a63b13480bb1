package dev.vigil.ops.run;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.ops.Ops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ops run} against a local HTTP server that records the pings, running real commands. */
class RunCommandIT {

    record Ping(String path, String body) {
    }

    private final List<Ping> pings = new CopyOnWriteArrayList<>();
    private final StringWriter err = new StringWriter();
    private HttpServer server;
    private String pingUrl;

    @BeforeEach
    void startRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            pings.add(new Ping(exchange.getRequestURI().getPath(), body));
            byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        pingUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping/check1";
    }

    @AfterEach
    void stopRecorder() {
        server.stop(0);
    }

    private int ops(String... args) {
        CommandLine cl = Ops.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void exitsWithTheCommandsStatusAndPingsStartThenTheStatusWithTheOutput() {
        int status = ops("run", "--ping-url", pingUrl, "--", "sh", "-c", "echo hi; exit 3");

        assertThat(status).isEqualTo(3);
        assertThat(pings).extracting(Ping::path).containsExactly("/ping/check1/start", "/ping/check1/3");
        assertThat(pings.get(1).body()).contains("hi");
    }

    @Test
    void successPingsTheBareUrlAndTheCommandsOptionsNeedNoSeparator() {
        int status = ops("run", "--ping-url", pingUrl, "sh", "-c", "echo all good >&2");

        assertThat(status).isZero();
        assertThat(pings).extracting(Ping::path).containsExactly("/ping/check1/start", "/ping/check1");
        assertThat(pings.get(1).body()).contains("all good");
    }

    @Test
    void aCommandThatCannotStartExits127AndPingsFail() {
        int status = ops("run", "--ping-url", pingUrl, "--", "/nonexistent/vigil-test-command");

        assertThat(status).isEqualTo(127);
        assertThat(pings).extracting(Ping::path).containsExactly("/ping/check1/start", "/ping/check1/fail");
        assertThat(pings.get(1).body()).contains("cannot start /nonexistent/vigil-test-command");
    }

    @Test
    void aCommandThatOutlivesTheTimeoutExits124AndPingsFail() {
        int status = ops("run", "--ping-url", pingUrl, "--timeout", "1", "--",
                "sh", "-c", "echo started; exec sleep 30");

        assertThat(status).isEqualTo(124);
        assertThat(pings).extracting(Ping::path).containsExactly("/ping/check1/start", "/ping/check1/fail");
        assertThat(pings.get(1).body()).contains("started");
    }

    @Test
    void theBodyIsCutToTheLimit() {
        int status = ops("run", "--ping-url", pingUrl, "--body-limit", "5", "--", "sh", "-c", "echo 0123456789");

        assertThat(status).isZero();
        assertThat(pings.get(1).body()).hasSizeLessThanOrEqualTo(5).isEqualTo("6789\n");
    }
}
