package dev.vigil.app.it;

import dev.vigil.app.accounts.Totp;
import dev.vigil.testsupport.Await;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects and teams on the shared app, with invitations through its real SMTP receiver: roles and what each may
 * change, the last owner, another project's pages, project deletion and the header's project switcher; an invited
 * user with two-factor authentication, through the second step and back to the invitation.
 */
class TeamIT {

    private static final Pattern LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})/");
    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
    }

    @Test
    void aReadOnlyMemberInvitedByEmailSeesTheDashboardButEveryChangeIsRefused() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        assertThat(owner.submit(owner.dashboard(), owner.dashboard(), Map.of("name", "nightly-backup")).statusCode())
                .isEqualTo(303);
        String check = WebPagesIT.firstCheck(owner.get(owner.dashboard()).body());

        String email = "ro-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> invited = invite(owner, owner.project, email.toUpperCase(), "read-only");
        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("Invitation sent to " + email);
        assertThat(owner.get(team(owner.project)).body()).contains("<td>" + email + "</td><td>read-only</td>");
        String token = invitationToken(email);
        assertThat(stored("SELECT role FROM invitations WHERE email = ?", email)).isEqualTo("ro");
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT token_hash FROM invitations WHERE email = ?")) {
            st.setString(1, email);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isEqualTo(MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.UTF_8))); // only the hash is kept
            }
        }

        WebUser ro = new WebUser(vigil, email);
        String link = "/invitations/" + token + "/";
        HttpResponse<String> page = ro.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("as <strong>read-only</strong>").contains(email);
        HttpResponse<String> joined = ro.submit(link, link + "signup/", Map.of("password", WebUser.PASSWORD));
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.headers().firstValue("Location").orElseThrow()).endsWith(owner.dashboard());
        assertThat(ro.get(link).statusCode()).as("the link works once").isEqualTo(404);
        assertThat(stored("SELECT count(*) FROM invitations WHERE email = ?", email)).isEqualTo("0");

        HttpResponse<String> dashboard = ro.get(owner.dashboard());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("nightly-backup");
        assertThat(ro.submit(owner.dashboard(), owner.dashboard(), Map.of("name", "sneaky")).statusCode())
                .isEqualTo(403);
        assertThat(ro.submit("/checks/" + check + "/schedule/", "/checks/" + check + "/schedule/",
                Map.of("kind", "simple", "timeout", "60", "grace", "60")).statusCode()).isEqualTo(403);
        assertThat(ro.get("/projects/" + owner.project + "/keys/").statusCode()).isEqualTo(404);
        assertThat(stored("SELECT count(*) || ' ' || min(timeout_s) FROM checks WHERE project_id = ?::uuid",
                owner.project.toString())).isEqualTo("1 86400");

        HttpResponse<String> theirTeam = ro.get(team(owner.project));
        assertThat(theirTeam.statusCode()).isEqualTo(200);
        assertThat(theirTeam.body()).contains(owner.email).doesNotContain("invite-form");
        assertThat(invite(ro, owner.project, "friend-" + UUID.randomUUID() + "@example.com", "member").statusCode())
                .isEqualTo(403);
        String settings = "/projects/" + owner.project + "/settings/";
        assertThat(ro.get(settings).statusCode()).isEqualTo(200);
        assertThat(ro.submit(settings, settings + "rename/", Map.of("name", "mine")).statusCode()).isEqualTo(403);
        assertThat(ro.submit(settings, settings + "delete/", Map.of("confirm", "My Project")).statusCode())
                .isEqualTo(403);
        assertThat(stored("SELECT name FROM projects WHERE id = ?::uuid", owner.project.toString()))
                .isEqualTo("My Project");
    }

    @Test
    void aManagerInvitesAndChangesRolesButCannotMakeOrTouchOwners() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        WebUser manager = joined(owner, "manager");
        String email = "member-" + UUID.randomUUID() + "@example.com";
        assertThat(invite(manager, owner.project, email, "member").statusCode()).isEqualTo(200);
        WebUser member = new WebUser(vigil, email);
        String link = "/invitations/" + invitationToken(email) + "/";
        assertThat(member.submit(link, link + "signup/", Map.of("password", WebUser.PASSWORD)).statusCode())
                .isEqualTo(303);
        assertThat(stored(roleQuery(), owner.project.toString(), email)).isEqualTo("rw");
        long memberId = userId(email);
        long ownerId = userId(owner.email);

        String team = team(owner.project);
        assertThat(manager.submit(team, team + memberId + "/role/", Map.of("role", "read-only")).statusCode())
                .isEqualTo(303);
        assertThat(stored(roleQuery(), owner.project.toString(), email)).isEqualTo("ro");
        assertThat(manager.submit(team, team + memberId + "/role/", Map.of("role", "owner")).statusCode())
                .isEqualTo(403);
        assertThat(manager.submit(team, team + ownerId + "/role/", Map.of("role", "member")).statusCode())
                .isEqualTo(403);
        assertThat(manager.submit(team, team + ownerId + "/remove/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(invite(manager, owner.project, "boss-" + UUID.randomUUID() + "@example.com", "owner")
                .statusCode()).isEqualTo(403);
        assertThat(manager.submit(team, team + memberId + "/remove/", Map.of()).statusCode()).isEqualTo(303);
        assertThat(stored(roleQuery(), owner.project.toString(), email)).isNull();
        assertThat(member.get(owner.dashboard()).statusCode()).as("a removed member").isEqualTo(404);
    }

    @Test
    void theLastOwnerCannotLeaveOrBeDemotedButCanTransferTheProject() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        String team = team(owner.project);
        long ownerId = userId(owner.email);
        HttpResponse<String> leave = owner.submit(team, team + "leave/", Map.of());
        assertThat(leave.statusCode()).isEqualTo(400);
        assertThat(leave.body()).contains("A project needs an owner");
        assertThat(owner.submit(team, team + ownerId + "/role/", Map.of("role", "manager")).statusCode())
                .isEqualTo(400);
        assertThat(stored(roleQuery(), owner.project.toString(), owner.email)).isEqualTo("owner");

        WebUser heir = joined(owner, "member");
        long heirId = userId(heir.email);
        String settings = "/projects/" + owner.project + "/settings/";
        assertThat(heir.submit(settings, settings + "transfer/", Map.of("to", Long.toString(heirId))).statusCode())
                .isEqualTo(403);
        assertThat(owner.submit(settings, settings + "transfer/", Map.of("to", Long.toString(heirId))).statusCode())
                .isEqualTo(303);
        assertThat(stored(roleQuery(), owner.project.toString(), heir.email)).isEqualTo("owner");
        assertThat(stored(roleQuery(), owner.project.toString(), owner.email)).isEqualTo("manager");
        assertThat(stored("SELECT owner_id FROM projects WHERE id = ?::uuid", owner.project.toString()))
                .isEqualTo(Long.toString(heirId));
        // the old owner, now a manager, may leave: the project keeps its new owner
        assertThat(owner.submit(team, team + "leave/", Map.of()).statusCode()).isEqualTo(303);
        assertThat(owner.get(owner.dashboard()).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherProjectsTeamAndSettingsPagesAreNotFound() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        WebUser stranger = WebUser.signedUp(vigil);
        String team = team(owner.project);
        String settings = "/projects/" + owner.project + "/settings/";
        assertThat(stranger.get(team).statusCode()).isEqualTo(404);
        assertThat(stranger.get(settings).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/projects/" + UUID.randomUUID() + "/team/").statusCode()).isEqualTo(404);
        String own = team(stranger.project);
        assertThat(stranger.submit(own, team + "invite/", Map.of("email", "x@example.com", "role", "owner"))
                .statusCode()).isEqualTo(404);
        assertThat(stranger.submit(own, settings + "delete/", Map.of("confirm", "My Project")).statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/invitations/" + "a".repeat(43) + "/").statusCode()).isEqualTo(404);
        assertThat(stored("SELECT count(*) FROM projects WHERE id = ?::uuid", owner.project.toString()))
                .isEqualTo("1");
    }

    @Test
    void anInvitationForAnotherEmailCannotBeAcceptedByTheSignedInUser() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        String email = "someone-" + UUID.randomUUID() + "@example.com";
        assertThat(invite(owner, owner.project, email, "member").statusCode()).isEqualTo(200);
        String link = "/invitations/" + invitationToken(email) + "/";
        WebUser other = WebUser.signedUp(vigil);
        assertThat(other.get(link).body()).contains("You are signed in as " + other.email);
        assertThat(other.submit(link, link + "accept/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(other.get(owner.dashboard()).statusCode()).isEqualTo(404);
        assertThat(new WebUser(vigil, email).get(link).statusCode()).as("still open for its email").isEqualTo(200);
    }

    @Test
    void anInvitedUserWithTwoFactorAuthenticationDoesTheSecondStepAndComesBackToAccept() throws Exception {
        WebUser invitee = WebUser.signedUp(vigil);
        Enrolled totp = enrolTotp(invitee);
        WebUser owner = WebUser.signedUp(vigil);
        assertThat(invite(owner, owner.project, invitee.email, "member").statusCode()).isEqualTo(200);
        String link = "/invitations/" + invitationToken(invitee.email) + "/";

        // the invitation's own password form: the login's second step, which comes back to the invitation
        WebUser browser = new WebUser(vigil, invitee.email);
        HttpResponse<String> step = browser.submit(link, link + "login/", Map.of("password", WebUser.PASSWORD));
        assertThat(step.statusCode()).isEqualTo(200);
        assertThat(step.body()).contains("id=\"step-form\"").contains("name=\"next\" value=\"" + link + "\"");
        assertThat(browser.cookie("vigil_session")).isNull();
        assertThat(stored(roleQuery(), owner.project.toString(), invitee.email)).isNull();
        HttpResponse<String> in = secondStep(browser, step, Totp.code(totp.secret(), Totp.step(Instant.now()) + 1, 6));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location").orElseThrow()).isEqualTo(vigil.app.uri(link).toString());
        assertThat(browser.get(link).body()).contains("id=\"accept\"");
        HttpResponse<String> accepted = browser.submit(link, link + "accept/", Map.of());
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith(owner.dashboard());
        assertThat(stored(roleQuery(), owner.project.toString(), invitee.email)).isEqualTo("rw");

        // by the login page: its link carries the invitation as the return path, through a recovery code too
        WebUser other = WebUser.signedUp(vigil);
        assertThat(invite(other, other.project, invitee.email, "read-only").statusCode()).isEqualTo(200);
        String second = "/invitations/" + invitationToken(invitee.email) + "/";
        WebUser fresh = new WebUser(vigil, invitee.email);
        String login = "/accounts/login/?next=" + second;
        assertThat(fresh.get(second).body()).contains("href=\"" + login + "\"");
        HttpResponse<String> onLoginPage = fresh.submit(login, "/accounts/login/", Map.of("email", invitee.email,
                "password", WebUser.PASSWORD, "next", nextOf(fresh.get(login).body())));
        assertThat(onLoginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> back = secondStep(fresh, onLoginPage, totp.recoveryCode());
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location").orElseThrow()).isEqualTo(vigil.app.uri(second).toString());
        assertThat(fresh.submit(second, second + "accept/", Map.of()).statusCode()).isEqualTo(303);
        assertThat(stored(roleQuery(), other.project.toString(), invitee.email)).isEqualTo("ro");
    }

    @Test
    void theLoginsReturnPathIsOnlyEverAPathOfThisSite() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        for (String next : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example/",
                "/invitations/x/?to=https://evil.example/", "javascript:alert(1)"}) {
            WebUser browser = new WebUser(vigil, u.email);
            String login = "/accounts/login/?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8);
            assertThat(browser.get(login).body()).as(next).doesNotContain("name=\"next\"");
            HttpResponse<String> in = browser.submit(login, "/accounts/login/", Map.of("email", u.email,
                    "password", WebUser.PASSWORD, "next", next));
            assertThat(in.statusCode()).as(next).isEqualTo(303);
            assertThat(in.headers().firstValue("Location").orElseThrow()).as(next).endsWith(u.dashboard())
                    .doesNotContain("evil");
        }
    }

    @Test
    void invitationsAreLimitedPerProjectAndRefuseBadInput() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        HttpResponse<String> bad = invite(owner, owner.project, "not an address", "member");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Please enter a valid email address.");
        assertThat(invite(owner, owner.project, "x-" + UUID.randomUUID() + "@example.com", "admin").statusCode())
                .isEqualTo(400);
        assertThat(invite(owner, owner.project, owner.email, "member").body()).contains("is already a member");
        for (int i = 0; i < 50; i++) {
            assertThat(invite(owner, owner.project, "bulk-" + i + "-" + UUID.randomUUID() + "@example.com",
                    "read-only").statusCode()).as("invitation %d", i).isEqualTo(200);
        }
        HttpResponse<String> tooMany = invite(owner, owner.project, "one-more-" + UUID.randomUUID() + "@example.com",
                "read-only");
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.body()).contains("50 invitations in the last hour");
        WebUser other = WebUser.signedUp(vigil);
        assertThat(invite(other, other.project, "fine-" + UUID.randomUUID() + "@example.com", "member").statusCode())
                .as("another project's own count").isEqualTo(200);
    }

    @Test
    void deletingAProjectRemovesItsChecksPingsBodiesAndChannels() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        HttpResponse<String> made = owner.submit("/projects/new/", "/projects/new/", Map.of("name", "Doomed"));
        assertThat(made.statusCode()).isEqualTo(303);
        Matcher m = Pattern.compile("/projects/([0-9a-f-]{36})/checks/").matcher(made.headers()
                .firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        UUID project = UUID.fromString(m.group(1));
        String dashboard = "/projects/" + project + "/checks/";
        assertThat(owner.submit(dashboard, dashboard, Map.of("name", "doomed-job")).statusCode()).isEqualTo(303);
        String check = WebPagesIT.firstCheck(owner.get(dashboard).body());
        byte[] large = "x".repeat(SharedVigil.BODY_THRESHOLD + 500).getBytes(StandardCharsets.UTF_8);
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + check))
                .POST(HttpRequest.BodyPublishers.ofByteArray(large))).statusCode()).isEqualTo(200);
        String key = stored("SELECT object_key FROM pings WHERE check_id = ?::uuid", check);
        assertThat(key).isNotNull();
        assertThat(vigil.objects.awaitObject(key)).isEqualTo(large);
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO channels (id, project_id, kind, settings) VALUES (gen_random_uuid(), ?, 'webhook', '{}')")) {
            st.setObject(1, project);
            st.executeUpdate();
        }

        String settings = "/projects/" + project + "/settings/";
        assertThat(owner.submit(settings, settings + "delete/", Map.of("confirm", "Doomd")).statusCode())
                .isEqualTo(400);
        assertThat(owner.submit(settings, settings + "delete/", Map.of("confirm", "Doomed")).statusCode())
                .isEqualTo(303);
        for (String table : new String[] {"projects WHERE id", "checks WHERE project_id",
            "channels WHERE project_id", "project_members WHERE project_id"}) {
            assertThat(stored("SELECT count(*) FROM " + table + " = ?::uuid", project.toString())).as(table)
                    .isEqualTo("0");
        }
        assertThat(stored("SELECT count(*) FROM pings WHERE check_id = ?::uuid", check)).isEqualTo("0");
        Await.until(Duration.ofSeconds(30), () -> vigil.objects.keys(check + "/").isEmpty(),
                () -> "objects left: " + vigil.objects.keys(check + "/"));
        assertThat(owner.get(dashboard).statusCode()).isEqualTo(404);
        assertThat(owner.get(owner.dashboard()).statusCode()).as("the other project stays").isEqualTo(200);
    }

    @Test
    void theSwitcherCountsTheDownChecksOfEachProjectByTheStatusRule() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        HttpResponse<String> made = u.submit("/projects/new/", "/projects/new/", Map.of("name", "Second <b>"));
        Matcher m = Pattern.compile("/projects/([0-9a-f-]{36})/").matcher(made.headers().firstValue("Location")
                .orElseThrow());
        assertThat(m.find()).isTrue();
        UUID second = UUID.fromString(m.group(1));
        for (String name : new String[] {"a", "b", "c"}) {
            assertThat(u.submit(u.dashboard(), u.dashboard(), Map.of("name", name)).statusCode()).isEqualTo(303);
        }
        String secondDashboard = "/projects/" + second + "/checks/";
        assertThat(u.submit(secondDashboard, secondDashboard, Map.of("name", "d")).statusCode()).isEqualTo(303);
        assertThat(downIn(u.get(u.dashboard()).body(), u.project)).isEqualTo(0);

        // one stored down, one overdue by its schedule (still stored up: the status rule says down), one up
        sql("UPDATE checks SET status = 'down' WHERE project_id = ?::uuid AND name = 'a'", u.project);
        sql("UPDATE checks SET status = 'up', last_ping = now() - interval '3 days', timeout_s = 86400, "
                + "grace_s = 3600 WHERE project_id = ?::uuid AND name = 'b'", u.project);
        sql("UPDATE checks SET status = 'up', last_ping = now() WHERE project_id = ?::uuid AND name = 'c'",
                u.project);
        String page = u.get(secondDashboard).body();
        assertThat(downIn(page, u.project)).isEqualTo(2);
        assertThat(downIn(page, second)).isEqualTo(0);
        assertThat(page).contains("Second &lt;b&gt;").contains("2 down");

        sql("UPDATE checks SET status = 'down' WHERE project_id = ?::uuid", second);
        page = u.get("/projects/" + second + "/team/").body();
        assertThat(downIn(page, second)).isEqualTo(1);
        assertThat(downIn(page, u.project)).isEqualTo(2);
    }

    private static int downIn(String page, UUID project) {
        Matcher m = Pattern.compile("data-project=\"" + project + "\" data-down=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).as("the switcher lists %s", project).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A new user who accepted an invitation to the owner's project with the role (by signing up on its page). */
    private static WebUser joined(WebUser owner, String role) throws Exception {
        String email = role + "-" + UUID.randomUUID() + "@example.com";
        assertThat(invite(owner, owner.project, email, role).statusCode()).isEqualTo(200);
        WebUser u = new WebUser(vigil, email);
        String link = "/invitations/" + invitationToken(email) + "/";
        assertThat(u.submit(link, link + "signup/", Map.of("password", WebUser.PASSWORD)).statusCode())
                .isEqualTo(303);
        u.project = owner.project;
        return u;
    }

    private record Enrolled(byte[] secret, String recoveryCode) {
    }

    /** Turns TOTP on for the user (as AccountSecurityIT does): its secret and the first of its recovery codes. */
    private static Enrolled enrolTotp(WebUser u) throws IOException {
        HttpResponse<String> enrol = u.submit("/accounts/settings/", "/accounts/settings/totp/", Map.of());
        Matcher s = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(enrol.body());
        assertThat(s.find()).as(enrol.body()).isTrue();
        byte[] secret = AccountSecurityIT.base32(s.group(1));
        HttpResponse<String> confirmed = u.post("/accounts/settings/totp/confirm/", Map.of("code",
                Totp.code(secret, Totp.step(Instant.now()), 6), "csrf", WebPagesIT.csrfOf(enrol.body())), Map.of());
        Matcher rc = Pattern.compile("<li><code>([a-z2-7]{5}-[a-z2-7]{5})</code></li>").matcher(confirmed.body());
        assertThat(rc.find()).as(confirmed.body()).isTrue();
        return new Enrolled(secret, rc.group(1));
    }

    /** Posts a code to the second step with the pending token and the return path of the page it is on. */
    private static HttpResponse<String> secondStep(WebUser browser, HttpResponse<String> stepPage, String code)
            throws IOException {
        Matcher m = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(stepPage.body());
        assertThat(m.find()).as("a second-step form in %s", stepPage.body()).isTrue();
        return browser.post("/accounts/login/code/", Map.of("pending", m.group(1), "code", code,
                "next", nextOf(stepPage.body()), "csrf", WebPagesIT.csrfOf(stepPage.body())), Map.of());
    }

    private static String nextOf(String page) {
        Matcher m = Pattern.compile("name=\"next\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a return path in %s", page).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> invite(WebUser who, UUID project, String email, String role)
            throws IOException {
        String team = team(project);
        String page = who.get(team).statusCode() == 200 ? team : team(who.project);
        return who.submit(page, team + "invite/", Map.of("email", email, "role", role));
    }

    private static String team(UUID project) {
        return "/projects/" + project + "/team/";
    }

    /** The token of the invitation link emailed to {@code email}, waiting for the message to arrive. */
    private static String invitationToken(String email) throws Exception {
        Await.until(Duration.ofSeconds(20), () -> message(email).isPresent(), () -> "no invitation to " + email);
        MimeMessage mail = message(email).orElseThrow();
        assertThat(mail.getSubject()).startsWith("Invitation to ");
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(text).contains("http://127.0.0.1:" + vigil.app.port() + "/invitations/");
        return m.group(1);
    }

    private static Optional<MimeMessage> message(String email) {
        return Mailbox.to(vigil, email).stream().reduce((first, second) -> second);
    }

    private static String roleQuery() {
        return "SELECT m.role FROM project_members m JOIN users u ON u.id = m.user_id "
                + "WHERE m.project_id = ?::uuid AND u.email = ?";
    }

    private static long userId(String email) throws Exception {
        return Long.parseLong(stored("SELECT id FROM users WHERE email = ?", email));
    }

    private static String stored(String query, String... params) throws Exception {
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void sql(String statement, UUID project) throws Exception {
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(statement)) {
            st.setString(1, project.toString());
            st.executeUpdate();
        }
    }
}
