package dev.vigil.watchdog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @ParameterizedTest
    @CsvSource({
            "203.0.113.10, 203.0.113.10",
            "2001:0db8:0000:0000:0000:0000:0000:0010, 2001:db8::10",
            "0:0:0:0:0:0:0:1, ::1",
            "0:0:0:0:0:0:0:0, ::",
            "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:1:2:3:4:5:0, 2001:db8:1:2:3:4:5:0",
            "fe80:0:0:0:0:0:0:0, fe80::"
    })
    void writesAddressesInTheirShortForm(String given, String expected) throws Exception {
        assertThat(Addresses.text(InetAddress.getByName(given))).isEqualTo(expected);
    }
}
