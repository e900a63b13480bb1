package dev.vigil.app.web;

import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.api.ApiUrls;
import dev.vigil.app.api.ProjectChecks;
import dev.vigil.app.badges.BadgeUrls;
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

import java.util.ArrayList;
import java.util.List;

/**
 * A project's status badges: for each tag its checks carry, and for all checks, the badge URLs the management API's
 * badges list gives ({@link BadgeUrls}, the same scheme) with Markdown and HTML to paste. Every member sees them:
 * badges are public by design (a signed URL per tag, never a ping URL).
 */
@Path("/projects/{project}/badges")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class BadgesPage {

    @Inject
    Accounts accounts;

    @Inject
    ProjectChecks projects;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @GET
    public Response badges(@Context ContainerRequestContext request, @PathParam("project") String project) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            ProjectChecks.BadgeSource source = projects.badgeSourceOf(id);
            String root = new ApiUrls(siteRoot).root();
            List<String> tags = new ArrayList<>(source.tags());
            tags.add(BadgeUrls.ALL);
            List<IntegrationViews.BadgeRow> rows = new ArrayList<>();
            for (String tag : tags) {
                String label = BadgeUrls.ALL.equals(tag) ? "All checks" : tag;
                String svg = BadgeUrls.of(root, source.badgeKey(), tag, false, "svg");
                rows.add(new IntegrationViews.BadgeRow(tag, label, svg,
                        BadgeUrls.of(root, source.badgeKey(), tag, true, "svg"),
                        BadgeUrls.of(root, source.badgeKey(), tag, false, "json"),
                        BadgeUrls.of(root, source.badgeKey(), tag, false, "shields"),
                        "![" + label + "](" + svg + ")", "<img src=\"" + svg + "\" alt=\"" + htmlAttr(label) + "\">"));
            }
            return Response.ok(new Page("badges.jte", new IntegrationViews.Badges(web.chrome(), id, rows))).build();
        });
    }

    /** A tag inside the HTML snippet's alt attribute (the page escapes the snippet again as text). */
    static String htmlAttr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
