package dev.vigil.app.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The landing page: what Vigil is, in one screen. */
@Path("/")
@WebPages
public class HomePage {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Page landing(@Context ContainerRequestContext request) {
        WebContext web = WebContext.of(request);
        return new Page("landing.jte", new Views.Landing(web.chrome(), web.user().isPresent() ? "/projects/" : null));
    }
}
