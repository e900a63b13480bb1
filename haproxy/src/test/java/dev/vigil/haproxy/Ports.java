package dev.vigil.haproxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports free on both 127.0.0.1 and ::1 right now, so runs never collide with other runs. */
final class Ports {

    private Ports() {
    }

    static int free() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket v4 = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                int port = v4.getLocalPort();
                try (ServerSocket v6 = new ServerSocket()) {
                    v6.bind(new InetSocketAddress(InetAddress.getByName("::1"), port));
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no port free on both 127.0.0.1 and ::1");
    }
}
