package dev.vigil.app.notify;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class AddressGuardTest {

    private static boolean privateAddress(String literal) throws UnknownHostException {
        return AddressGuard.isPrivate(InetAddress.getByName(literal));
    }

    @Test
    void loopbackPrivateLinkLocalAndSpecialRangesAreRefused() throws UnknownHostException {
        for (String a : new String[] {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.255", "224.0.0.1",
                "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc12::3", "::ffff:127.0.0.1",
                "::ffff:10.0.0.1"}) {
            assertThat(privateAddress(a)).as(a).isTrue();
        }
    }

    @Test
    void publicAddressesPass() throws UnknownHostException {
        for (String a : new String[] {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1",
                "2606:4700:4700::1111", "2001:db8::1"}) {
            assertThat(privateAddress(a)).as(a).isFalse();
        }
    }

    @Test
    void theRefusalNamesTheHostAndTheSwitch() throws UnknownHostException {
        assertThat(new AddressGuard(false).refusal("localhost")).startsWith("refusing to send to localhost (")
                .endsWith("(set VIGIL_ALLOW_PRIVATE_ADDRESSES=true to allow it)");
        assertThat(new AddressGuard(false).refusal("[::1]")).startsWith("refusing to send to [::1] (");
        assertThat(new AddressGuard(true).refusal("localhost")).isNull();
        assertThat(new AddressGuard(false).refusal("8.8.8.8")).isNull();
    }
}
