package dev.vigil.wireguard.apply;

import dev.vigil.wireguard.config.WgQuickConfig;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** verify's peer-list half: wg's own output against the rendered config, every kind of difference named. */
class PeerListDriftTest {

    private static final String APP = "a".repeat(42) + "A=";
    private static final String DB = "b".repeat(42) + "E=";
    private static final String STRANGER = "c".repeat(42) + "I=";

    private static WgQuickConfig lb() throws Exception {
        return new WgQuickConfig("lb1", InetAddress.getByName("10.8.0.1"), 51820, List.of(
                new WgQuickConfig.Peer("app1 (app)", APP, InetAddress.getByName("10.8.1.1"), Optional.empty())));
    }

    @Test
    void exactlyTheRenderedPeersIsNoDrift() throws Exception {
        assertThat(PeerListDrift.compare("lb1", lb().peers(), APP + "\t10.8.1.1/32\n")).isEmpty();
    }

    @Test
    void aMissingPeerAWiderAllowedIpsAndAnExtraPeerAreEachNamed() throws Exception {
        assertThat(PeerListDrift.compare("lb1", lb().peers(), "")).containsExactly(
                "lb1: does not list its peer app1 (app) (" + APP + ")");
        assertThat(PeerListDrift.compare("lb1", lb().peers(), APP + "\t10.8.1.1/32 10.8.2.0/24\n")).containsExactly(
                "lb1: peer app1 (app) has AllowedIPs 10.8.1.1/32 10.8.2.0/24, not 10.8.1.1/32");
        assertThat(PeerListDrift.compare("lb1", lb().peers(), APP + "\t10.8.1.1/32\n" + DB + "\t10.8.2.1/32\n"
                + STRANGER + "\t(none)\n")).containsExactly(
                "lb1: lists a peer the policy does not give it: " + DB + " (AllowedIPs 10.8.2.1/32)",
                "lb1: lists a peer the policy does not give it: " + STRANGER + " (AllowedIPs (none))");
    }
}
