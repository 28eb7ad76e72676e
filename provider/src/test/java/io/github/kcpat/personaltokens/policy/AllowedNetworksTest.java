package io.github.kcpat.personaltokens.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedNetworksTest {

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "10.0.0.1/8, 10.9.9.9, true",
            "127.0.0.2/32, 127.0.0.2, true",
            "127.0.0.2/32, 127.0.0.3, false",
            "127.0.0.2, 127.0.0.2, true",
            "0.0.0.0/0, 8.8.8.8, true",
            "192.168.1.0/25, 192.168.1.127, true",
            "192.168.1.0/25, 192.168.1.128, false",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "::1, 0:0:0:0:0:0:0:1, true",
            "2001:db8::/32, 10.0.0.1, false",
            "10.0.0.0/8, ::ffff:10.0.0.1, true",
            "10.0.0.0/8, not-an-address, false"})
    void matching(String network, String address, boolean allowed) {
        assertEquals(allowed, AllowedNetworks.of(List.of(network)).allows(address));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/08", "300.1.1.1",
            "10.0.1", "", "fe80::1%eth0", "10.0.0.0/", "/8", "1.2.3.4.5", "example.com/24"})
    void invalidEntries(String entry) {
        assertThrows(IllegalArgumentException.class, () -> AllowedNetworks.of(List.of(entry)));
    }

    @Test
    void atMostTwentyEntries() {
        assertEquals(20, AllowedNetworks.of(Collections.nCopies(20, "10.0.0.1")).entries().size());
        assertThrows(IllegalArgumentException.class, () -> AllowedNetworks.of(Collections.nCopies(21, "10.0.0.1")));
    }

    @Test
    void storedAsGivenAfterTrimmingInOrder() {
        AllowedNetworks networks = AllowedNetworks.of(List.of(" 10.0.0.1/8 ", "2001:db8::/32"));
        assertEquals(List.of("10.0.0.1/8", "2001:db8::/32"), networks.entries());
        assertEquals(networks.entries(), AllowedNetworks.fromStored(networks.stored()).entries());
    }

    @Test
    void emptyMeansAnywhere() {
        assertTrue(AllowedNetworks.of(List.of()).isAnywhere());
        assertTrue(AllowedNetworks.of(null).allows("203.0.113.9"));
        assertNull(AllowedNetworks.of(List.of()).stored());
        assertFalse(AllowedNetworks.fromStored("10.0.0.0/8").isAnywhere());
    }
}
