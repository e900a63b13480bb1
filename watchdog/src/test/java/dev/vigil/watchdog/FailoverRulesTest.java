package dev.vigil.watchdog;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailoverRulesTest {

    private static final ProbeResult OK = ProbeResult.answered(200, Duration.ofMillis(5));
    private static final ProbeResult DOWN = ProbeResult.failed("connection refused", Duration.ofMillis(1));

    private final Target lb1 = target("lb1", "203.0.113.10");
    private final Target lb2 = target("lb2", "203.0.113.11");
    private final Target lb1v6 = target("lb1", "2001:db8::10");
    private final Target lb2v6 = target("lb2", "2001:db8::11");
    private final FailoverRules rules = new FailoverRules(new Thresholds(3, 2));

    private static Target target(String lb, String address) {
        try {
            return new Target(lb, InetAddress.getByName(address));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Runs {@code rounds} rounds with the same probe results, applying every change as DNS would. */
    private List<Decision> rounds(List<TargetState> start, Map<Target, ProbeResult> results, int rounds) {
        List<TargetState> states = start;
        List<Decision> out = new java.util.ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Decision d = rules.decide(states, results);
            out.add(d);
            List<TargetState> next = new java.util.ArrayList<>(d.states());
            for (Change c : d.changes()) {
                for (int j = 0; j < next.size(); j++) {
                    if (next.get(j).target().equals(c.target())) {
                        next.set(j, next.get(j).withInDns(c.kind() == Change.Kind.RESTORE));
                    }
                }
            }
            states = next;
        }
        return out;
    }

    private static Map<Target, ProbeResult> results(Object... pairs) {
        Map<Target, ProbeResult> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Target) pairs[i], (ProbeResult) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void removesAFailingTargetOnTheThresholdthRoundAndNotBefore() {
        List<Decision> d = rounds(List.of(TargetState.inDns(lb1), TargetState.inDns(lb2)),
                results(lb1, DOWN, lb2, OK), 3);
        assertThat(d.get(0).changes()).isEmpty();
        assertThat(d.get(1).changes()).isEmpty();
        assertThat(d.get(2).changes()).containsExactly(
                new Change(Change.Kind.REMOVE, lb1, "3 failed probes in a row"));
        assertThat(d.get(2).alerts()).isEmpty();
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        Decision first = rules.decide(List.of(TargetState.inDns(lb1), TargetState.inDns(lb2)),
                results(lb1, DOWN, lb2, OK));
        Decision second = rules.decide(first.states(), results(lb1, DOWN, lb2, OK));
        Decision third = rules.decide(second.states(), results(lb1, OK, lb2, OK));
        assertThat(third.states().get(0)).isEqualTo(new TargetState(lb1, true, 0, 1));
        Decision fourth = rules.decide(third.states(), results(lb1, DOWN, lb2, OK));
        assertThat(fourth.states().get(0).failures()).isEqualTo(1);
        assertThat(fourth.changes()).isEmpty();
    }

    @Test
    void restoresARemovedTargetAfterTheRecoveryThreshold() {
        List<Decision> d = rounds(List.of(TargetState.removed(lb1), TargetState.inDns(lb2)),
                results(lb1, OK, lb2, OK), 2);
        assertThat(d.get(0).changes()).isEmpty();
        assertThat(d.get(1).changes()).containsExactly(
                new Change(Change.Kind.RESTORE, lb1, "2 successful probes in a row"));
    }

    @Test
    void whenEveryProbeFailsNothingChangesAndAnAlertSaysWhy() {
        List<Decision> d = rounds(List.of(TargetState.inDns(lb1), TargetState.inDns(lb2)),
                results(lb1, DOWN, lb2, DOWN), 5);
        assertThat(d).allSatisfy(x -> assertThat(x.changes()).isEmpty());
        assertThat(d.get(4).alerts()).singleElement().asString()
                .startsWith("every load balancer failed its probe (2 addresses): DNS left as it is");
        assertThat(d.get(4).states()).extracting(TargetState::failures).containsExactly(5, 5);
    }

    @Test
    void neverRemovesTheLastHealthyRecordOfAFamily() {
        // lb2 was removed earlier and still fails; lb1 now fails on IPv4 while its IPv6 works
        List<TargetState> start = List.of(TargetState.inDns(lb1), TargetState.removed(lb2),
                TargetState.inDns(lb1v6), TargetState.inDns(lb2v6));
        List<Decision> d = rounds(start, results(lb1, DOWN, lb2, DOWN, lb1v6, OK, lb2v6, OK), 3);
        assertThat(d.get(2).changes()).isEmpty();
        assertThat(d.get(2).alerts()).containsExactly(
                "lb1 203.0.113.10 is failing but no other healthy A record is left: kept in DNS");
    }

    @Test
    void twoFailingOfThreeLeaveTheHealthyOneAndRemoveBoth() {
        Target lb3 = target("lb3", "203.0.113.12");
        List<Decision> d = rounds(List.of(TargetState.inDns(lb1), TargetState.inDns(lb2), TargetState.inDns(lb3)),
                results(lb1, DOWN, lb2, DOWN, lb3, OK), 3);
        assertThat(d.get(2).changes()).extracting(Change::target).containsExactly(lb1, lb2);
    }

    @Test
    void anIpv6OutageRemovesOnlyTheAaaaRecord() {
        List<Decision> d = rounds(List.of(TargetState.inDns(lb1), TargetState.inDns(lb1v6),
                        TargetState.inDns(lb2), TargetState.inDns(lb2v6)),
                results(lb1, OK, lb1v6, DOWN, lb2, OK, lb2v6, OK), 3);
        assertThat(d.get(2).changes()).extracting(Change::target).containsExactly(lb1v6);
        assertThat(d.get(2).changes().get(0).describe())
                .isEqualTo("remove AAAA lb1 2001:db8::10: 3 failed probes in a row");
    }

    @Test
    void aMissingProbeResultIsAnError() {
        assertThatThrownBy(() -> rules.decide(List.of(TargetState.inDns(lb1)), Map.of()))
                .hasMessage("no probe result for lb1 203.0.113.10");
    }
}
