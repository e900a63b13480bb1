package dev.vigil.app.alerts;

import dev.vigil.app.db.VigilDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The List-Unsubscribe link of alert emails. POST (the one-click unsubscribe of RFC 8058, or the button of the
 * page) disables the email channel; GET only shows that button, because link scanners follow GET links.
 */
@Path("unsubscribe/{token}")
@RequestScoped
public class UnsubscribeResource {

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    DataSource dataSource;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) {
        if (parse(token) == null) {
            return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("not found\n").build();
        }
        return Response.ok("<!DOCTYPE html><html><body><form method=\"post\"><p>Stop Vigil's alert emails to this "
                + "address?</p><button type=\"submit\">Unsubscribe</button></form></body></html>\n").build();
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public Response unsubscribe(@PathParam("token") String token) throws SQLException {
        UUID t = parse(token);
        if (t == null) {
            return Response.status(404).entity("not found\n").build();
        }
        if (!new UnsubscribeStore(dataSource).disable(t)) {
            return Response.status(404).entity("not found\n").build();
        }
        return Response.ok("unsubscribed: this address gets no more alert emails from this project\n").build();
    }

    private static UUID parse(String token) {
        try {
            return token.length() == 36 ? UUID.fromString(token) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
