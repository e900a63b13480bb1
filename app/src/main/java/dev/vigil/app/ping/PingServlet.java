package dev.vigil.app.ping;

import dev.vigil.app.bodies.BodyStorage;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ping API, wire-compatible with Healthchecks: {@code /ping/<uuid>[/start|/fail|/log|/<exit status>]} and
 * {@code /ping/<ping key>/<slug>[...]}, any HTTP method. A plain async servlet rather than a JAX-RS resource: this is
 * the hottest path of the service, and the answer comes from the group-commit writer on another thread. The fast
 * listener ({@link PingListener}) serves the same API on a port of its own; both read and answer requests through
 * the same plain classes ({@link PingTarget}, {@link PingClient}, {@link TruncatedBody}, {@link PingIntake},
 * {@link PingAnswer}).
 */
@WebServlet(urlPatterns = "/ping/*", asyncSupported = true)
public class PingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PingCommitter committer;

    @Inject
    transient PingSettings settings;

    @Inject
    transient BodyStorage bodies;

    private transient PingIntake intake;

    @Override
    public void init() {
        intake = new PingIntake(committer, bodies);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        if ("OPTIONS".equals(method)) {
            answer(resp, PingAnswer.PREFLIGHT, false);
            return;
        }
        boolean head = "HEAD".equals(method);
        PingTarget target;
        try {
            String path = req.getPathInfo();
            target = PingTarget.parse(method, path == null ? "" : path.substring(1), req.getQueryString());
        } catch (PingUrl.Rejected e) {
            answer(resp, PingAnswer.of(e), head);
            return;
        }
        Instant received = Instant.now();
        TruncatedBody body = TruncatedBody.readAll(req.getInputStream(), settings.bodyLimit(),
                req.getContentLengthLong());
        PingClient client = PingClient.of(settings.trustedProxies(), req.getRemoteAddr(), req.getScheme(),
                req::getHeader);

        AsyncContext async = req.startAsync();
        async.setTimeout(PingIntake.ANSWER_TIMEOUT_MS);
        AtomicBoolean answered = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                finish(async, answered, PingResult.UNAVAILABLE, head);
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
                answered.set(true);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        if (!intake.submit(target, received, client, body, result -> finish(async, answered, result, head))) {
            finish(async, answered, PingResult.UNAVAILABLE, head);
        }
    }

    private void finish(AsyncContext async, AtomicBoolean answered, PingResult result, boolean head) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            answer((HttpServletResponse) async.getResponse(), PingAnswer.of(result), head);
        } catch (IOException e) {
            // the client went away; the ping itself is committed (or not) regardless
        } finally {
            async.complete();
        }
    }

    private void answer(HttpServletResponse resp, PingAnswer answer, boolean head) throws IOException {
        resp.setStatus(answer.status());
        answer.headers(settings.bodyLimit(), resp::setHeader);
        if (answer.preflight()) {
            return;
        }
        resp.setContentLength(answer.bytes().length);
        if (!head) {
            resp.getOutputStream().write(answer.bytes());
        }
    }
}
