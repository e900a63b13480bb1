package dev.vigil.wireguard.mesh;

import dev.vigil.wireguard.apply.VerifyPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan a host's scheduled verify reads: what it renders reads back the same, and anything else is refused. */
class VerifyPlanTest {

    private final Mesh mesh = Mesh.of(ExampleFleet.inventory());
    private final MeshRenderer renderer = ExampleFleet.renderer();

    @Test
    void everyHostsPlanReadsBackAsRendered() {
        for (Mesh.Node n : mesh.nodes()) {
            VerifyPlan plan = VerifyPlan.of(mesh, renderer.wgQuick(n), n);
            VerifyPlan read = VerifyPlan.parse(plan.render());
            assertThat(read.render()).isEqualTo(plan.render());
            assertThat(read.probes()).isEqualTo(plan.probes());
            assertThat(read.peers()).extracting(p -> p.publicKey() + " " + p.allowedIps())
                    .isEqualTo(plan.peers().stream().map(p -> p.publicKey() + " " + p.allowedIps()).toList());
            assertThat(plan.probes()).extracting(VerifyPlan.Probe::to).doesNotContain(n.name());
        }
        Mesh.Node lb = mesh.nodes().stream().filter(n -> n.tier().equals("lb")).findFirst().orElseThrow();
        assertThat(VerifyPlan.of(mesh, renderer.wgQuick(lb), lb).probes())
                .filteredOn(p -> mesh.node(p.to()).tier().equals("db")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.allowed()).as("lb -> db %s", p).isFalse());
    }

    @Test
    void anythingElseIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> VerifyPlan.parse("# nothing\n")).hasMessageContaining("no 'host NAME' line");
        assertThatThrownBy(() -> VerifyPlan.parse("host a\nprobe b example.com 22 allowed\n"))
                .hasMessageContaining("line 2: not an IP address: example.com");
        assertThatThrownBy(() -> VerifyPlan.parse("host a\nprobe b 10.0.0.1 70000 allowed\n"))
                .hasMessageContaining("line 2: port out of range");
        assertThatThrownBy(() -> VerifyPlan.parse("host a\nprobe b 10.0.0.1 22 maybe\n"))
                .hasMessageContaining("allowed|denied");
        assertThatThrownBy(() -> VerifyPlan.parse("host a\npeer short 10.0.0.1 b\n"))
                .hasMessageContaining("not a WireGuard public key");
        assertThatThrownBy(() -> VerifyPlan.parse("host a\nhost b\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> VerifyPlan.parse("host a\nrm -rf /\n")).hasMessageContaining("unknown line kind");
    }
}
