package dev.vigil.app.api;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.badges.BadgeUrls;
import dev.vigil.app.health.DatabaseProbe;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The project-wide endpoints of the v3 API: channels, badges, and the unauthenticated status probe. */
@Path("api/v3")
@RequestScoped
public class ProjectResource {

    private static final String[] FORMATS = {"svg", "json", "shields"};

    @Inject
    ProjectChecks projects;

    @Inject
    DatabaseProbe database;

    @Inject
    ChannelsService channels;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @GET
    @Path("channels{slash: /?}")
    public Response channels(@HeaderParam(ChecksResource.KEY) String key) {
        JsonArrayBuilder list = JsonBuilders.array();
        for (ChannelRow c : projects.channels(key)) {
            list.add(JsonBuilders.object().add("id", c.id().toString()).add("name", c.name())
                    .add("kind", c.kind()));
        }
        return ChecksResource.json(200, JsonBuilders.object().add("channels", list).build());
    }

    @POST
    @Path("channels{slash: /?}")
    public Response createChannel(@HeaderParam(ChecksResource.KEY) String key, InputStream body) {
        return ChecksResource.json(201, channels.create(key, JsonBodies.read(body)));
    }

    @POST
    @Path("channels/{id}")
    public Response updateChannel(@HeaderParam(ChecksResource.KEY) String key, @PathParam("id") String id,
            InputStream body) {
        return ChecksResource.json(200, channels.update(key, id, JsonBodies.read(body)));
    }

    @DELETE
    @Path("channels/{id}")
    public Response deleteChannel(@HeaderParam(ChecksResource.KEY) String key, @PathParam("id") String id) {
        return ChecksResource.json(200, channels.delete(key, id));
    }

    @POST
    @Path("channels/{id}/test")
    public Response testChannel(@HeaderParam(ChecksResource.KEY) String key, @PathParam("id") String id) {
        return ChecksResource.json(200, channels.test(key, id));
    }

    @GET
    @Path("badges{slash: /?}")
    public Response badges(@HeaderParam(ChecksResource.KEY) String key) {
        ProjectChecks.BadgeSource source = projects.badgeSource(key);
        String root = new ApiUrls(siteRoot).root();
        List<String> tags = new ArrayList<>(source.tags());
        tags.add(BadgeUrls.ALL);
        JsonObjectBuilder badges = JsonBuilders.object();
        for (String tag : tags) {
            JsonObjectBuilder urls = JsonBuilders.object();
            for (String format : FORMATS) {
                urls.add(format, BadgeUrls.of(root, source.badgeKey(), tag, false, format));
                urls.add(format + "3", BadgeUrls.of(root, source.badgeKey(), tag, true, format));
            }
            badges.add(tag, urls);
        }
        return ChecksResource.json(200, JsonBuilders.object().add("badges", badges).build());
    }

    @GET
    @Path("status{slash: /?}")
    public Response status() {
        return database.problem().isEmpty() ? Response.ok("OK", "text/plain").build()
                : Response.status(500).type("text/plain").entity("database unavailable").build();
    }
}
