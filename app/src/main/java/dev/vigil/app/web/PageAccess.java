package dev.vigil.app.web;

import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.ProjectRole;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see a project's pages: a signed-in member. Anyone else gets the login page (not signed in) or the same
 * 404 as for a project that does not exist, so a page never tells that another project exists.
 */
final class PageAccess {

    /** A page of a project the user is a member of, with the user's role. */
    @FunctionalInterface
    interface MemberPage {
        Response render(UUID project, ProjectRole role);
    }

    private PageAccess() {
    }

    static Response member(Accounts accounts, WebContext web, String projectText, MemberPage page) {
        if (web.user().isEmpty()) {
            return toLogin();
        }
        Optional<UUID> project = uuid(projectText);
        Optional<ProjectRole> role = project.flatMap(p -> accounts.role(web.user().get().userId(), p));
        if (role.isEmpty()) {
            return notFound(web);
        }
        return page.render(project.get(), role.get());
    }

    static Response toLogin() {
        return Response.seeOther(URI.create("/accounts/login/")).build();
    }

    static Response notFound(WebContext web) {
        return Response.status(404).type(MediaType.TEXT_HTML)
                .entity(new Page("notfound.jte", new Views.NotFound(web.chrome()))).build();
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text != null && text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
