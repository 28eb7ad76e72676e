package io.github.kcpat.personaltokens.it;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct loopback client addresses, so that tests sending many refused requests do not share
 * the failure budget of one address (DESIGN §9.5) with each other. 127.0.0.1 is left to ordinary
 * test traffic; 127.0.0.2 and 127.0.0.3 are left to the tests that name them.
 */
final class TestAddresses {

    private static final AtomicInteger NEXT = new AtomicInteger(1 << 8);

    private TestAddresses() {
    }

    /** A fresh 127.x.y.z address that no other test used in this JVM. */
    static String next() {
        int n = NEXT.getAndIncrement();
        return "127." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
    }
}
