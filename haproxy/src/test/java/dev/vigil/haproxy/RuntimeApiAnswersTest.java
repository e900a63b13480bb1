package dev.vigil.haproxy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the runtime API client makes of answers that are not HAProxy's (a socket that is something else, a
 * truncated answer, control characters): a clear error naming the balancer and quoting the start of the answer,
 * and never a command with an injected second line. HAProxy's real answers are covered by the ITs.
 */
class RuntimeApiAnswersTest {

    private final List<String> sent = new ArrayList<>();

    private RuntimeApi answering(String answer) {
        return new RuntimeApi("lb1", line -> {
            sent.add(line);
            return answer;
        });
    }

    @Test
    void showStatIsParsedByColumnName() {
        RuntimeApi api = answering("# svname,pxname,status,scur,other\nFRONTEND,http,OPEN,3,\napp1,app,UP 1/2,4,\n"
                + "app2,ping,DRAIN,0,\n\n");
        assertThat(api.servers()).containsExactly(new ServerStatus("app", "app1", "UP", 4),
                new ServerStatus("ping", "app2", "DRAIN", 0));
        assertThat(sent).containsExactly("show stat");
    }

    @Test
    void oddAnswersAreErrorsNamingTheBalancer() {
        assertThatThrownBy(() -> answering("Unknown command. Please enter one of the following commands\n").servers())
                .hasMessage("lb1: unexpected answer to show stat: Unknown command. Please enter one of the following "
                        + "commands");
        assertThatThrownBy(() -> answering("# pxname,svname\nx,y\n").servers())
                .hasMessageContaining("no pxname, svname, scur or status column");
        assertThatThrownBy(() -> answering("# pxname,svname,status,scur\napp,app1\n").servers())
                .hasMessage("lb1: unexpected answer to show stat (a line with too few columns): app,app1");
        assertThatThrownBy(() -> answering("# pxname,svname,status,scur\napp,app1,UP,lots\n").servers())
                .hasMessageContaining("without a state or session count");
        assertThatThrownBy(() -> answering("").servers()).hasMessage("lb1: unexpected answer to show stat: (nothing)");
        assertThatThrownBy(() -> answering("\u001b[2Jgarbage").serversState())
                .hasMessage("lb1: unexpected answer to show servers state (format version 1 expected): ?[2Jgarbage");
        assertThatThrownBy(() -> answering("x".repeat(1000)).workerPid()).hasMessageEndingWith("x".repeat(200) + "...");
        assertThatThrownBy(() -> answering("No such server.\n").setState("app", "app1", "drain"))
                .hasMessage("lb1: HAProxy refused to set app/app1 drain: No such server.");
    }

    @Test
    void namesAndTokensCannotCarryASecondCommand() {
        RuntimeApi api = answering("");
        assertThatThrownBy(() -> api.setState("app", "app1 state ready\nshutdown", "drain"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a backend or server name");
        assertThatThrownBy(() -> api.command("show stat; shutdown sessions")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.addMapEntry("/etc/haproxy/acme-challenges.map", "tok", "v\nx"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.setState("app", "app1", "up")).hasMessageContaining("ready, drain and maint");
        assertThat(sent).isEmpty();
    }
}
