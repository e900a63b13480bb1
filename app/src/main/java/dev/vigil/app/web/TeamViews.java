package dev.vigil.app.web;

import dev.vigil.app.accounts.Invitations;
import dev.vigil.app.accounts.ProjectRole;
import dev.vigil.app.accounts.Team;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The models of the team, project and invitation pages (one record per template, as in {@link Views}). */
public final class TeamViews {

    private TeamViews() {
    }

    /** team.jte: the members, the open invitations, what the viewer may do, and a notice or an error (or null). */
    public record TeamPage(Chrome chrome, UUID project, String name, long viewer, ProjectRole role,
            List<Team.Member> members, List<Invitations.Pending> invitations, String notice, String error) {

        public String action() {
            return "/projects/" + project + "/team/";
        }

        /** The roles the viewer may give, for the invite form and each member's role field. */
        public List<ProjectRole> grantable() {
            return Arrays.stream(ProjectRole.values()).filter(role::mayGrant).toList();
        }

        public boolean mayManage(Team.Member m) {
            return m.userId() != viewer && role.mayManage(m.role());
        }
    }

    /** project-new.jte: the name typed so far and the error (or null). */
    public record NewProject(Chrome chrome, String name, String error) {
    }

    /**
     * project-settings.jte: the project's name, its ping key, whether lists show slug URLs, the members an owner may
     * transfer it to, and a notice or an error (or null).
     */
    public record Settings(Chrome chrome, UUID project, String name, ProjectRole role, String pingKey,
            String slugUrlExample, boolean showSlugs, List<Team.Member> others, String notice, String error) {

        public String action() {
            return "/projects/" + project + "/settings/";
        }
    }

    /**
     * invitation.jte: the invitation of a link; {@code signedInAs} is the signed-in user's email (null when nobody
     * is); the error of a refused attempt (or null).
     */
    public record Invitation(Chrome chrome, String token, String projectName, String email, ProjectRole role,
            String signedInAs, String error) {

        public String action() {
            return "/invitations/" + token + "/";
        }

        public boolean signedInAsInvited() {
            return email.equals(signedInAs);
        }
    }
}
