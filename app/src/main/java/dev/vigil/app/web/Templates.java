package dev.vigil.app.web;

import dev.vigil.app.db.SchemaReady;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The jte engine over the templates the Maven plugin compiled into the application. Built once at application start
 * on the application's class loader (the generated classes live in the war, which a static engine in a shared
 * class loader would not see), in HTML mode so that every {@code ${...}} is escaped for its context.
 */
@ApplicationScoped
public class Templates {

    private volatile TemplateEngine engine;

    void start(@Observes SchemaReady ready) {
        engine();
    }

    public void render(Page page, TemplateOutput out) {
        engine().render(page.template(), page.model(), out);
    }

    private TemplateEngine engine() {
        TemplateEngine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
                            Templates.class.getClassLoader());
                }
                e = engine;
            }
        }
        return e;
    }
}
