package dev.vigil.app.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** {@code /api/v3/checks/...}: Healthchecks' management API for checks, their pings and their flips. */
@Path("api/v3")
@RequestScoped
public class ChecksResource {

    static final String KEY = "X-Api-Key";

    @Inject
    ChecksService checks;

    @Inject
    HistoryService history;

    @GET
    @Path("checks{slash: /?}")
    public Response list(@HeaderParam(KEY) String key, @QueryParam("tag") List<String> tags,
            @QueryParam("slug") String slug) {
        return json(200, checks.list(key, tags, slug));
    }

    @POST
    @Path("checks{slash: /?}")
    public Response create(@HeaderParam(KEY) String key, InputStream body) {
        ChecksService.Answer answer = checks.create(key, JsonBodies.read(body));
        return json(answer.status(), answer.json());
    }

    @GET
    @Path("checks/{ref}")
    public Response get(@HeaderParam(KEY) String key, @PathParam("ref") String ref) {
        return json(200, checks.get(key, ref));
    }

    @POST
    @Path("checks/{ref}")
    public Response update(@HeaderParam(KEY) String key, @PathParam("ref") String ref, InputStream body) {
        return json(200, checks.update(key, ref, JsonBodies.read(body)));
    }

    @DELETE
    @Path("checks/{ref}")
    public Response delete(@HeaderParam(KEY) String key, @PathParam("ref") String ref) {
        return json(200, checks.delete(key, ref));
    }

    @POST
    @Path("checks/{ref}/pause")
    public Response pause(@HeaderParam(KEY) String key, @PathParam("ref") String ref, InputStream body) {
        return json(200, checks.pause(key, ref, JsonBodies.read(body)));
    }

    @POST
    @Path("checks/{ref}/resume")
    public Response resume(@HeaderParam(KEY) String key, @PathParam("ref") String ref, InputStream body) {
        return json(200, checks.resume(key, ref, JsonBodies.read(body)));
    }

    @GET
    @Path("checks/{ref}/pings{slash: /?}")
    public Response pings(@HeaderParam(KEY) String key, @PathParam("ref") String ref) {
        return json(200, history.pings(key, ref));
    }

    @GET
    @Path("checks/{ref}/pings/{n: [0-9]{1,18}}/body")
    public Response pingBody(@HeaderParam(KEY) String key, @PathParam("ref") String ref, @PathParam("n") long n) {
        return Response.ok(history.body(key, ref, n), "text/plain").build();
    }

    @GET
    @Path("checks/{ref}/flips{slash: /?}")
    public Response flips(@HeaderParam(KEY) String key, @PathParam("ref") String ref,
            @QueryParam("seconds") String seconds, @QueryParam("start") String start, @QueryParam("end") String end) {
        return json(200, history.flips(key, ref, FlipFilter.parse(seconds, start, end, Instant.now())));
    }

    static Response json(int status, JsonObject body) {
        return Response.status(status).type("application/json").entity(body.toString()).build();
    }
}
