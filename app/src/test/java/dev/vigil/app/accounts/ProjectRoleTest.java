package dev.vigil.app.accounts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.vigil.app.accounts.ProjectRole.MANAGER;
import static dev.vigil.app.accounts.ProjectRole.MEMBER;
import static dev.vigil.app.accounts.ProjectRole.OWNER;
import static dev.vigil.app.accounts.ProjectRole.READ_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectRoleTest {

    @Test
    void eachRoleIsStoredUnderTheNameTheSchemaAllowsAndReadBack() {
        assertThat(Arrays.stream(ProjectRole.values()).map(ProjectRole::stored))
                .containsExactly("owner", "manager", "rw", "ro"); // V13's check constraint on project_members.role
        for (ProjectRole r : ProjectRole.values()) {
            assertThat(ProjectRole.ofStored(r.stored())).isEqualTo(r);
            assertThat(ProjectRole.ofLabel(r.label())).contains(r);
        }
        assertThat(ProjectRole.ofLabel("rw")).isEmpty(); // forms send labels, never the stored names
        assertThat(ProjectRole.ofLabel(null)).isEmpty();
        assertThatThrownBy(() -> ProjectRole.ofStored("admin")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readOnlyMembersChangeNothingAndNeverSeeKeys() {
        assertThat(READ_ONLY.canChange()).isFalse();
        assertThat(READ_ONLY.seesKeys()).isFalse();
        assertThat(READ_ONLY.managesTeam()).isFalse();
        assertThat(READ_ONLY.managesSettings()).isFalse();
        assertThat(READ_ONLY.ownsProject()).isFalse();
        for (ProjectRole r : ProjectRole.values()) {
            assertThat(READ_ONLY.mayGrant(r)).isFalse();
            assertThat(READ_ONLY.mayManage(r)).isFalse();
        }
    }

    @Test
    void membersChangeChecksButNotTheTeamOrTheSettings() {
        assertThat(MEMBER.canChange()).isTrue();
        assertThat(MEMBER.seesKeys()).isTrue();
        assertThat(MEMBER.managesTeam()).isFalse();
        assertThat(MEMBER.managesSettings()).isFalse();
        assertThat(MEMBER.ownsProject()).isFalse();
        assertThat(MEMBER.mayGrant(READ_ONLY)).isFalse();
        assertThat(MEMBER.mayManage(READ_ONLY)).isFalse();
    }

    @Test
    void managersRunTheTeamButNeverTouchOrMakeOwners() {
        assertThat(MANAGER.canChange()).isTrue();
        assertThat(MANAGER.managesTeam()).isTrue();
        assertThat(MANAGER.managesSettings()).isTrue();
        assertThat(MANAGER.ownsProject()).isFalse();
        assertThat(MANAGER.mayGrant(MANAGER)).isTrue();
        assertThat(MANAGER.mayGrant(READ_ONLY)).isTrue();
        assertThat(MANAGER.mayGrant(OWNER)).isFalse();
        assertThat(MANAGER.mayManage(MEMBER)).isTrue();
        assertThat(MANAGER.mayManage(OWNER)).isFalse();
    }

    @Test
    void ownersMayDoEverything() {
        assertThat(OWNER.ownsProject()).isTrue();
        for (ProjectRole r : ProjectRole.values()) {
            assertThat(OWNER.mayGrant(r)).isTrue();
            assertThat(OWNER.mayManage(r)).isTrue();
        }
    }
}
