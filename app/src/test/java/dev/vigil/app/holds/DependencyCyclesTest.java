package dev.vigil.app.holds;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DependencyCyclesTest {

    @Test
    void aTreeAndADiamondHaveNoCycle() {
        assertThat(DependencyCycles.find(Map.of("backups", List.of("db"), "reports", List.of("db", "backups"),
                "rsync", List.of("backups")))).isEmpty();
        assertThat(DependencyCycles.find(Map.<String, List<String>>of())).isEmpty();
    }

    @Test
    void aCycleIsNamedInOrderFromWhereItStarts() {
        Map<String, List<String>> g = new HashMap<>();
        g.put("a", List.of("b"));
        g.put("b", List.of("c"));
        g.put("c", List.of("d", "b"));
        assertThat(DependencyCycles.find(g)).contains(List.of("b", "c", "b"));
    }

    @Test
    void aCheckDependingOnItselfIsACycle() {
        assertThat(DependencyCycles.find(Map.of("a", List.of("a")))).contains(List.of("a", "a"));
    }

    @Test
    void aLongChainNeedsNoDeepStack() {
        Map<Integer, List<Integer>> chain = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            chain.put(i, List.of(i + 1));
        }
        assertThat(DependencyCycles.find(chain)).isEmpty();
        chain.put(200_000, List.of(0));
        assertThat(DependencyCycles.find(chain).orElseThrow()).hasSize(200_002);
    }

    @Test
    void refusingNamesTheCycle() {
        assertThatThrownBy(() -> DependencyCycles.refuseCycles(Map.of("x", List.of("y"), "y", List.of("x")),
                s -> s.equals("x") ? "backups" : "db-primary"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("depends_on would make a cycle: (backups -> db-primary -> backups"
                        + "|db-primary -> backups -> db-primary)");
        DependencyCycles.refuseCycles(Map.of("x", List.of("y")), s -> s);
    }
}
