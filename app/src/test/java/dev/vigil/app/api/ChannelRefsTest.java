package dev.vigil.app.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelRefsTest {

    private static final ChannelRow MAIL = new ChannelRow(UUID.randomUUID(), "mail", "email");
    private static final ChannelRow HOOK = new ChannelRow(UUID.randomUUID(), "hook", "webhook");
    private static final ChannelRow HOOK2 = new ChannelRow(UUID.randomUUID(), "hook", "webhook");
    private static final List<ChannelRow> ALL = List.of(MAIL, HOOK, HOOK2);

    @Test
    void starIsEveryChannelAndEmptyIsNone() {
        assertThat(ChannelRefs.resolve("*", ALL)).containsExactly(MAIL.id(), HOOK.id(), HOOK2.id());
        assertThat(ChannelRefs.resolve("", ALL)).isEmpty();
    }

    @Test
    void entriesAreIdsOrUniqueNames() {
        assertThat(ChannelRefs.resolve(HOOK.id() + ", mail," + HOOK.id(), ALL)).containsExactly(HOOK.id(), MAIL.id());
        assertThatThrownBy(() -> ChannelRefs.resolve("hook", ALL)).hasMessage("non-unique channel identifier: hook");
        assertThatThrownBy(() -> ChannelRefs.resolve("pager", ALL)).hasMessage("invalid channel identifier: pager");
        assertThatThrownBy(() -> ChannelRefs.resolve("mail,", ALL)).hasMessage("empty channel identifier");
    }
}
