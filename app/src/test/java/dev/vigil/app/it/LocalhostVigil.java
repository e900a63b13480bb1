package dev.vigil.app.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;

import java.util.Map;

/**
 * A Vigil of a test's own, with site root {@code http://localhost:<port>}: WebAuthn takes the site root's host as
 * the relying party and refuses an IP address, and the shared app's is 127.0.0.1 (which the other tests' links
 * use). It has its own database and its own SMTP server, where its sign-up links arrive.
 */
final class LocalhostVigil implements AutoCloseable {

    final TestDatabase db;
    final GreenMail mail;
    final VigilProcess app;

    private LocalhostVigil(TestDatabase db, GreenMail mail, VigilProcess app) {
        this.db = db;
        this.mail = mail;
        this.app = app;
    }

    /** Started and healthy, on a database named after {@code name}. */
    static LocalhostVigil start(String name) {
        TestDatabase db = TestPostgres.server().createDatabase(name);
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        VigilProcess app = null;
        try {
            mail.start();
            Map<String, String> settings = VigilProcess.database(db.jdbcUrl(), db.user(), db.password());
            settings.put("VIGIL_SITE_ROOT", "http://localhost:{port}");
            settings.put("VIGIL_SMTP_HOST", "127.0.0.1");
            settings.put("VIGIL_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
            settings.put("VIGIL_SMTP_FROM", "vigil@vigil.test");
            app = VigilProcess.launch(settings);
            app.awaitHealthy();
            return new LocalhostVigil(db, mail, app);
        } catch (RuntimeException e) {
            if (app != null) {
                app.close();
            }
            mail.stop();
            db.close();
            throw e;
        }
    }

    /** The site root's origin, as browsers send it. */
    String origin() {
        return "http://localhost:" + app.port();
    }

    @Override
    public void close() {
        try {
            app.close();
            mail.stop();
        } finally {
            db.close();
        }
    }
}
