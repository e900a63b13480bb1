package dev.vigil.app.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user documentation as pages: {@code docs/pings.md}, {@code schedules.md} and {@code api.md}, packaged into
 * the app from the one copy in the repository and rendered once each ({@link Markdown#documentation}). Anyone may
 * read them, signed in or not.
 */
@Path("/docs")
@WebPages
public class DocsPages {

    /** The published pages: their name (the file without .md, the path under /docs/) and title in the index. */
    static final Map<String, String> PUBLISHED = published();

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private static Map<String, String> published() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pings", "Pinging: the URLs, their signals and what they answer");
        m.put("schedules", "Schedules: simple, cron and OnCalendar, and time zones");
        m.put("api", "The management API (Healthchecks' v3)");
        return m;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Page index(@Context ContainerRequestContext request) {
        List<Views.DocLink> links = PUBLISHED.entrySet().stream()
                .map(e -> new Views.DocLink("/docs/" + e.getKey() + "/", e.getValue())).toList();
        return new Page("docs.jte", new Views.Docs(WebContext.of(request).chrome(), "Documentation", links, null));
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context ContainerRequestContext request, @PathParam("name") String name) {
        WebContext web = WebContext.of(request);
        if (!PUBLISHED.containsKey(name)) {
            return PageAccess.notFound(web);
        }
        String html = RENDERED.computeIfAbsent(name, n -> Markdown.documentation(read(n), PUBLISHED.keySet()));
        return Response.ok(new Page("docs.jte", new Views.Docs(web.chrome(), PUBLISHED.get(name), List.of(), html)))
                .build();
    }

    private static String read(String name) {
        try (InputStream in = DocsPages.class.getResourceAsStream("/web/docs/" + name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("docs/" + name + ".md is not packaged in the app (app/pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
