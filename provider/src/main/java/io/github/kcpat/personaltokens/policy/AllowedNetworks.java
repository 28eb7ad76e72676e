package io.github.kcpat.personaltokens.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The networks a token may be used from (DESIGN §10.2): IPv4 and IPv6 CIDRs or single addresses,
 * kept exactly as given. Parsing never resolves a name: only literal addresses are accepted.
 */
public final class AllowedNetworks {

    public static final int MAX_ENTRIES = 20;
    private static final int MAX_ENTRY_LENGTH = 64;
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9]\\d{0,2}");
    private static final AllowedNetworks ANYWHERE = new AllowedNetworks(List.of(), List.of());

    private record Network(byte[] address, int prefixLength) {

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[fullBytes] & mask) == (address[fullBytes] & mask);
        }
    }

    private final List<String> entries;
    private final List<Network> networks;

    private AllowedNetworks(List<String> entries, List<Network> networks) {
        this.entries = entries;
        this.networks = networks;
    }

    /** Validates and parses what a client sent; IllegalArgumentException says what is wrong. */
    public static AllowedNetworks of(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return ANYWHERE;
        }
        if (raw.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("allowedNetworks must not list more than " + MAX_ENTRIES + " networks");
        }
        List<String> entries = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        for (String item : raw) {
            String entry = item == null ? "" : item.strip();
            networks.add(parse(entry));
            entries.add(entry);
        }
        return new AllowedNetworks(List.copyOf(entries), List.copyOf(networks));
    }

    /** Reads what {@link #stored()} wrote; the entries were validated when they were stored. */
    public static AllowedNetworks fromStored(String stored) {
        if (stored == null || stored.isEmpty()) {
            return ANYWHERE;
        }
        return of(Arrays.asList(stored.split("\n")));
    }

    public List<String> entries() {
        return entries;
    }

    public boolean isAnywhere() {
        return networks.isEmpty();
    }

    /** One entry per line, or null for anywhere. */
    public String stored() {
        return entries.isEmpty() ? null : String.join("\n", entries);
    }

    /** Whether the client address (an IP literal, as Keycloak reports it) is allowed. */
    public boolean allows(String clientAddress) {
        if (networks.isEmpty()) {
            return true;
        }
        byte[] candidate = literal(clientAddress == null ? "" : clientAddress.strip());
        if (candidate == null) {
            return false;
        }
        return networks.stream().anyMatch(n -> n.contains(candidate));
    }

    private static Network parse(String entry) {
        if (entry.isEmpty() || entry.length() > MAX_ENTRY_LENGTH) {
            throw new IllegalArgumentException("allowedNetworks entries must be CIDRs or IP addresses");
        }
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        byte[] address = literal(host);
        if (address == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IPv4 or IPv6 network");
        }
        int max = address.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (!PREFIX.matcher(length).matches() || Integer.parseInt(length) > max) {
                throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0-" + max);
            }
            prefix = Integer.parseInt(length);
        }
        return new Network(address, prefix);
    }

    /** The address bytes of an IPv4 or IPv6 literal, or null; never a name lookup. */
    public static byte[] literal(String text) {
        if (IPV4.matcher(text).matches()) {
            return toBytes(text);
        }
        if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
            return toBytes(text);
        }
        return null;
    }

    private static byte[] toBytes(String literal) {
        try {
            // A literal with only digits, dots and colons is parsed, not looked up. An IPv4-mapped
            // IPv6 address comes back as the IPv4 address, so it matches IPv4 networks.
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }
}
