package dev.vigil.app.web;

import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.api.ApiUrls;
import dev.vigil.app.api.CheckRow;
import dev.vigil.app.api.ChecksService;
import dev.vigil.app.api.HistoryService;
import dev.vigil.app.api.RecentPing;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A check's details page (the alert emails link here): its ping URLs and its recent pings. */
@Path("/checks/{check}/details")
@WebPages
public class CheckPages {

    static final int PINGS_SHOWN = 20;

    @Inject
    Accounts accounts;

    @Inject
    ChecksService checks;

    @Inject
    HistoryService history;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response details(@Context ContainerRequestContext request, @PathParam("check") String check) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return PageAccess.toLogin();
        }
        Optional<CheckRow> row = PageAccess.uuid(check).flatMap(checks::find);
        if (row.isEmpty()) {
            return PageAccess.notFound(web);
        }
        return PageAccess.member(accounts, web, row.get().projectId().toString(), (project, role) -> {
            Instant now = Instant.now();
            ApiUrls urls = new ApiUrls(siteRoot);
            List<Views.PingLine> pings = new ArrayList<>();
            for (RecentPing p : history.recent(row.get(), PINGS_SHOWN)) {
                pings.add(new Views.PingLine(p.n(), p.kind(), p.created().toString(), RelativeTime.ago(p.created(),
                        now), p.scheme() + " " + p.method() + " from " + Views.or(p.remoteAddr(), "unknown"),
                        Views.or(p.userAgent(), ""), p.durationMs() == null ? "" : p.durationMs() + " ms",
                        p.bodyPreview()));
            }
            return Response.ok(new Page("details.jte", new Views.Details(web.chrome(),
                    CheckLine.of(row.get(), now, urls), pingUrls(urls, row.get(), checks.pingKey(project).orElse(null)),
                    pings))).build();
        });
    }

    /** Every way to ping the check; by slug too when it has one and its project a ping key. */
    static List<Views.PingUrl> pingUrls(ApiUrls urls, CheckRow check, String pingKey) {
        String base = urls.ping(check.id());
        List<Views.PingUrl> list = new ArrayList<>(List.of(new Views.PingUrl("Success", base),
                new Views.PingUrl("Start of a run", base + "/start"), new Views.PingUrl("Failure", base + "/fail"),
                new Views.PingUrl("Exit status (0 succeeds, 1-255 fail)", base + "/<exit status>"),
                new Views.PingUrl("Log (neither success nor failure)", base + "/log")));
        if (pingKey != null && !check.slug().isEmpty()) {
            list.add(new Views.PingUrl("Success, by slug", urls.root() + "/ping/" + pingKey + "/" + check.slug()));
        }
        return list;
    }
}
