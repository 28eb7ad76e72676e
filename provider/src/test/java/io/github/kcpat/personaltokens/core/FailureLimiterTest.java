package io.github.kcpat.personaltokens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailureLimiterTest {

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        assertEquals(FailureLimiter.addressKey("2001:db8:1:2::1"), FailureLimiter.addressKey("2001:db8:1:2:ffff::9"));
        assertEquals("20010db800010002::/64", FailureLimiter.addressKey("2001:db8:1:2::1"));
        assertEquals("0a000001", FailureLimiter.addressKey("10.0.0.1"));
        assertEquals("unknown", FailureLimiter.addressKey("not an address"));
    }
}
