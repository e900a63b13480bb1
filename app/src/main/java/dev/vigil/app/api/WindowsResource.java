package dev.vigil.app.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/** {@code /api/v3/windows/...}: maintenance windows, a Vigil extension (docs/api.md). */
@Path("api/v3")
@RequestScoped
public class WindowsResource {

    @Inject
    WindowsService windows;

    @GET
    @Path("windows{slash: /?}")
    public Response list(@HeaderParam(ChecksResource.KEY) String key) {
        return ChecksResource.json(200, windows.list(key));
    }

    @POST
    @Path("windows{slash: /?}")
    public Response create(@HeaderParam(ChecksResource.KEY) String key, InputStream body) {
        return ChecksResource.json(201, windows.create(key, JsonBodies.read(body)));
    }

    @DELETE
    @Path("windows/{id}")
    public Response delete(@HeaderParam(ChecksResource.KEY) String key, @PathParam("id") String id) {
        return ChecksResource.json(200, windows.delete(key, id));
    }
}
