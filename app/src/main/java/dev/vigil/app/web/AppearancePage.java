package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The appearance setting (light, dark, or following the system): kept with the account when signed in, and in this
 * browser's cookie either way ({@link Appearance}).
 */
@Path("/settings/appearance")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class AppearancePage {

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @Inject
    AccountSettings settings;

    @GET
    public Response form(@Context ContainerRequestContext request) {
        WebContext web = WebContext.of(request);
        return Response.ok(page(web, null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@Context ContainerRequestContext request, @FormParam("appearance") String value) {
        WebContext web = WebContext.of(request);
        Optional<Appearance> chosen = Appearance.of(value);
        if (chosen.isEmpty()) {
            return Response.status(400).entity(page(web, "Choose light, dark or follow the system.")).build();
        }
        if (web.user().isPresent()) {
            settings.chooseAppearance(web.sessionToken(), chosen.get().value());
        }
        return Response.seeOther(URI.create("/settings/appearance/"))
                .cookie(chosen.get().cookie(siteRoot.startsWith("https://"))).build();
    }

    private static Page page(WebContext web, String error) {
        return new Page("appearance.jte", new IntegrationViews.AppearanceForm(web.chrome(), web.appearance(),
                java.util.List.of(Appearance.values()), error));
    }
}
