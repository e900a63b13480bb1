package dev.vigil.app.health;

import dev.vigil.app.lifecycle.BuildInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Which build is running: lets a deploy confirm that a server runs the version it just installed. */
@Path("version")
public class VersionResource {

    private static final BuildInfo BUILD = BuildInfo.load();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public BuildInfo version() {
        return BUILD;
    }
}
