package dev.vigil.app.lifecycle;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being served and remembers when the last one ended, so that a shutdown can wait until this
 * server has gone quiet: a ping answered 200 must be committed, and one half-way must not be cut off by SIGTERM.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class InFlightRequests extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static volatile long lastEnded = System.nanoTime();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        IN_FLIGHT.incrementAndGet();
        boolean async = false;
        try {
            chain.doFilter(request, response);
            async = request.isAsyncStarted();
            if (async) {
                // answered later by another thread (a ping waiting for its commit): count it until then
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        ended();
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
            }
        } finally {
            if (!async) {
                ended();
            }
        }
    }

    private static void ended() {
        lastEnded = System.nanoTime();
        IN_FLIGHT.decrementAndGet();
    }

    public static int inFlight() {
        return IN_FLIGHT.get();
    }

    /** Nanoseconds (System.nanoTime) at which the last request ended. */
    public static long lastEnded() {
        return lastEnded;
    }
}
