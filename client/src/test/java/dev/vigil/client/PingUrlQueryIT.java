package dev.vigil.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A ping URL with a query of its own ({@code ?create=1}, which makes a slug URL create its check): each signal
 * goes on the path and the query stays, with the run id after it. Against a real HTTP server on loopback.
 */
class PingUrlQueryIT {

    @Test
    void theSignalGoesOnThePathAndTheUrlsQueryIsKept() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping/k3y/wg-verify-h1";
            VigilCheck check = VigilCheck.at(URI.create(base + "/?create=1"), Retry.once(), line -> { });
            assertThat(check.start().delivered()).isTrue();
            assertThat(check.exitStatus(3, "drift").delivered()).isTrue();
            assertThat(check.success("ok").delivered()).isTrue();
            assertThat(seen).hasSize(3);
            assertThat(seen.get(0)).matches("/ping/k3y/wg-verify-h1/start\\?create=1&rid=[0-9a-f-]{36}");
            assertThat(seen.get(1)).matches("/ping/k3y/wg-verify-h1/3\\?create=1&rid=[0-9a-f-]{36}");
            assertThat(seen.get(2)).matches("/ping/k3y/wg-verify-h1\\?create=1&rid=[0-9a-f-]{36}");
            VigilCheck plain = VigilCheck.at(URI.create(base), Retry.once(), line -> { });
            assertThat(plain.fail("x").delivered()).isTrue();
            assertThat(seen.get(3)).matches("/ping/k3y/wg-verify-h1/fail\\?rid=[0-9a-f-]{36}");
        } finally {
            server.stop(0);
        }
        assertThatThrownBy(() -> VigilCheck.at(URI.create("https://x.example/ping/k#frag"), Retry.once(), l -> { }))
                .hasMessageContaining("#fragment");
    }
}
