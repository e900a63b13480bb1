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
import java.util.Optional;
import java.util.UUID;

/**
 * The List-Unsubscribe link of Vigil's emails. POST (the one-click unsubscribe of RFC 8058, or the button of the
 * page) disables an alert email's channel, or turns off a report's or reminder's user's reports and reminders; GET
 * only shows that button, because link scanners follow GET links.
 */
@Path("unsubscribe/{token}")
@RequestScoped
public class UnsubscribeResource {

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    DataSource dataSource;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) throws SQLException {
        UUID t = parse(token);
        Optional<UnsubscribeStore.Emails> emails = t == null ? Optional.empty()
                : new UnsubscribeStore(dataSource).find(t);
        if (emails.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("not found\n").build();
        }
        String question = emails.get() == UnsubscribeStore.Emails.ALERTS
                ? "Stop Vigil's alert emails to this address?"
                : "Stop Vigil's reports and reminders to this address?";
        return Response.ok("<!DOCTYPE html><html><body><form method=\"post\"><p>" + question + "</p>"
                + "<button type=\"submit\">Unsubscribe</button></form></body></html>\n").build();
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public Response unsubscribe(@PathParam("token") String token) throws SQLException {
        UUID t = parse(token);
        if (t == null) {
            return Response.status(404).entity("not found\n").build();
        }
        Optional<UnsubscribeStore.Emails> done = new UnsubscribeStore(dataSource).unsubscribe(t);
        if (done.isEmpty()) {
            return Response.status(404).entity("not found\n").build();
        }
        return Response.ok(done.get() == UnsubscribeStore.Emails.ALERTS
                ? "unsubscribed: this address gets no more alert emails from this project\n"
                : "unsubscribed: this address gets no more reports or reminders (turn them on again in the account "
                        + "settings)\n").build();
    }

    private static UUID parse(String token) {
        try {
            return token.length() == 36 ? UUID.fromString(token) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
