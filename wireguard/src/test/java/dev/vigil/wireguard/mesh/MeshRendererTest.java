package dev.vigil.wireguard.mesh;

import dev.vigil.testsupport.GoldenFiles;
import dev.vigil.wireguard.apply.VerifyPlan;
import dev.vigil.wireguard.RealTool;
import dev.vigil.wireguard.config.WgFirewall;
import dev.vigil.wireguard.config.WgQuickConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MeshRendererTest {

    private static final Pattern ALLOWED = Pattern.compile("(?m)^AllowedIPs = (\\S+)$");

    private final Mesh mesh = Mesh.of(ExampleFleet.inventory());
    private final MeshRenderer renderer = ExampleFleet.renderer();

    @Test
    void everyHostsFilesMatchTheGoldenFiles() {
        Map<String, String> files = new TreeMap<>();
        for (Mesh.Node n : mesh.nodes()) {
            files.put(n.name() + "/wg0.conf", renderer.wgQuick(n).render());
            files.put(n.name() + "/wg0.nft", renderer.firewall(n).render());
            files.put(n.name() + "/wg-verify.plan", VerifyPlan.of(mesh, renderer.wgQuick(n), n).render());
        }
        GoldenFiles.in("example-fleet").assertFolderMatches(files);
    }

    @Test
    void noLoadBalancerAndDatabaseArePeersInEitherDirection() {
        List<String> lbAddresses = addresses("lb");
        List<String> dbAddresses = addresses("db");
        assertThat(lbAddresses).hasSize(2);
        assertThat(dbAddresses).hasSize(2);
        for (Mesh.Node n : mesh.nodes()) {
            List<String> allowed = allowedIps(renderer.wgQuick(n).render());
            String nft = renderer.firewall(n).render();
            if (n.tier().equals("lb")) {
                assertThat(allowed).as(n.name() + "'s peers").doesNotContainAnyElementsOf(dbAddresses)
                        .containsAll(addresses("app"));
                dbAddresses.forEach(a -> assertThat(nft).doesNotContain(a.replace("/32", " ")));
            }
            if (n.tier().equals("db")) {
                assertThat(allowed).as(n.name() + "'s peers").doesNotContainAnyElementsOf(lbAddresses)
                        .containsAll(addresses("app"));
                lbAddresses.forEach(a -> assertThat(nft).doesNotContain(a.replace("/32", " ")));
            }
        }
    }

    @Test
    void eachPeerIsAllowedExactlyItsOwnAddress() {
        for (Mesh.Node n : mesh.nodes()) {
            WgQuickConfig c = renderer.wgQuick(n);
            for (WgQuickConfig.Peer p : c.peers()) {
                assertThat(p.allowedIps()).isEqualTo(p.address().getHostAddress() + "/32");
            }
            assertThat(allowedIps(c.render())).doesNotHaveDuplicates()
                    .doesNotContain(n.address().getHostAddress() + "/32");
        }
        Mesh.Node app1 = mesh.node("app1");
        assertThat(mesh.peersOf(app1)).extracting(Mesh.Node::name)
                .containsExactly("lb1", "lb2", "db1", "db2", "watch1");
        assertThat(mesh.ports(mesh.node("lb1"), app1)).containsExactly(8080, 8081);
        assertThat(mesh.ports(app1, mesh.node("lb1"))).isEmpty();
        assertThat(mesh.ports(mesh.node("watch1"), mesh.node("db2"))).containsExactly(22);
    }

    @Test
    void everyRenderedFilePassesTheRealTools() {
        for (Mesh.Node n : mesh.nodes()) {
            RealTool.Result wg = RealTool.shell(WgQuickConfig.CHECK, renderer.wgQuick(n).render());
            assertThat(wg.exit()).as(n.name() + " wg0.conf: " + wg.err()).isZero();
            RealTool.Result nft = RealTool.shell(WgFirewall.CHECK, renderer.firewall(n).render());
            assertThat(nft.exit()).as(n.name() + " wg0.nft: " + nft.err()).isZero();
        }
    }

    @Test
    void theChecksRejectBrokenFiles() {
        String conf = renderer.wgQuick(mesh.node("db1")).render();
        RealTool.Result wg = RealTool.shell(WgQuickConfig.CHECK, conf.replace("AllowedIPs", "AlowedIPs"));
        assertThat(wg.exit()).isNotZero();
        assertThat(wg.err()).contains("AlowedIPs");
        String nft = renderer.firewall(mesh.node("db1")).render();
        assertThat(RealTool.shell(WgFirewall.CHECK, nft.replace("tcp dport", "tcp dprt")).exit()).isNotZero();
    }

    private List<String> addresses(String tier) {
        return mesh.nodes().stream().filter(n -> n.tier().equals(tier))
                .map(n -> n.address().getHostAddress() + "/32").toList();
    }

    private static List<String> allowedIps(String conf) {
        List<String> out = new ArrayList<>();
        Matcher m = ALLOWED.matcher(conf);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
