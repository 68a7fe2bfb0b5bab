package org.rectrack.gateway.subscriptions.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.rectrack.gateway.subscriptions.WebhooksConfig;

/**
 * Which callback URLs the gateway delivers to (server-side request forgery, OWASP's SSRF prevention): {@code https}
 * only, and a host all of whose addresses are public: no loopback, link-local, private (RFC 1918), shared
 * (RFC 6598), unique-local IPv6 (RFC 4193), multicast, unspecified or otherwise reserved address, IPv4-mapped IPv6
 * included. Checked when subscribing and again before every delivery, since a host's addresses can change between
 * the two (DNS rebinding). {@code rectrack.webhooks.allow-private} lifts both rules for development and tests;
 * {@code rectrack.webhooks.allowed-hosts} narrows the hosts further.
 */
@ApplicationScoped
public class CallbackUrls {

    /** Why a URL is refused, in words for its owner. */
    public static final class RefusedUrl extends Exception {
        RefusedUrl(String reason) {
            super(reason);
        }
    }

    private final WebhooksConfig config;

    /** The rule with these settings; a CDI bean, built by hand only in tests. */
    public CallbackUrls(WebhooksConfig config) {
        this.config = config;
    }

    /**
     * The URL, if the gateway may deliver to it now; resolves its host (every address must pass).
     *
     * @throws RefusedUrl naming why not: not an absolute http(s) URL, not https, a host not allowed, a host that does
     *                    not resolve, or an address that is not public
     */
    public URI check(String url) throws RefusedUrl {
        URI uri = parse(url);
        String host = host(uri);
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw new RefusedUrl("its host " + host + " does not resolve");
        }
        if (!config.allowPrivate()) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedUrl("its host " + host + " resolves to " + address.getHostAddress()
                            + ", which is not a public address");
                }
            }
        }
        return uri;
    }

    private URI parse(String url) throws RefusedUrl {
        if (url == null || url.isBlank()) {
            throw new RefusedUrl("is required");
        }
        if (url.length() > 2000) {
            throw new RefusedUrl("is longer than 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedUrl("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw new RefusedUrl("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrl("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedUrl("must not carry a fragment");
        }
        if (!scheme.equals("https") && !(config.allowPrivate() && scheme.equals("http"))) {
            throw new RefusedUrl("must use https");
        }
        return uri;
    }

    private String host(URI uri) throws RefusedUrl {
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (config.allowedHosts().isPresent() && config.allowedHosts().get().stream()
                .noneMatch(allowed -> allowed.equalsIgnoreCase(host) || allowed.equalsIgnoreCase(bare))) {
            throw new RefusedUrl("its host " + host + " is not one of rectrack.webhooks.allowed-hosts");
        }
        return bare;
    }

    /** Whether an address is one anybody may reach on the internet, as far as the address itself tells. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isMappedIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            int first = bytes[0] & 0xff;
            // fc00::/7 unique local; fec0::/10 site-local (isSiteLocalAddress); 2001:db8::/32 documentation.
            return (first & 0xfe) != 0xfc
                    && !((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d
                            && (bytes[3] & 0xff) == 0xb8);
        }
        if (address instanceof Inet4Address) {
            int a = bytes[0] & 0xff;
            int b = bytes[1] & 0xff;
            return a != 0                                 // "this network" (0.0.0.0/8)
                    && !(a == 100 && b >= 64 && b < 128)  // shared address space, carrier-grade NAT (RFC 6598)
                    && !(a == 192 && b == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments (RFC 6890)
                    && !(a == 198 && (b == 18 || b == 19)) // benchmarking (RFC 2544)
                    && a < 240;                           // reserved and broadcast (240.0.0.0/4)
        }
        return false;
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
