package org.rectrack.gateway.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectrack.gateway.subscriptions.service.CallbackUrls;
import org.rectrack.gateway.subscriptions.service.CallbackUrls.RefusedUrl;

/**
 * The server-side request forgery rule as production applies it ({@code allow-private} off): https only, and every
 * address of the host public. Literal addresses only, so that no name is looked up outside this machine.
 */
class CallbackUrlsTest {

    private final CallbackUrls production = new CallbackUrls(settings(false));

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hooks",            // loopback
            "https://127.8.9.10/hooks",
            "https://[::1]/hooks",
            "https://localhost/hooks",            // a name of loopback: resolved, then refused
            "https://10.1.2.3/hooks",             // private (RFC 1918)
            "https://172.16.0.1/hooks",
            "https://192.168.1.1/hooks",
            "https://169.254.169.254/latest/meta-data", // link-local: a cloud's metadata service
            "https://[fe80::1]/hooks",
            "https://[fd12:3456::1]/hooks",       // unique local IPv6 (RFC 4193)
            "https://[::ffff:10.0.0.1]/hooks",    // private IPv4, mapped into IPv6
            "https://0.0.0.0/hooks",              // unspecified
            "https://[::]/hooks",
            "https://224.0.0.1/hooks",            // multicast
            "https://[ff02::1]/hooks",
            "https://100.64.0.1/hooks",           // shared address space (RFC 6598)
            "https://255.255.255.255/hooks",      // broadcast
            "http://93.184.215.14/hooks",         // public, but not https
            "https://user:secret@93.184.215.14/hooks",
            "ftp://93.184.215.14/hooks",
            "/hooks",
            "https:///hooks" })
    void privateAddressesAndPlainHttpAreRefusedInProduction(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(RefusedUrl.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://93.184.215.14/hooks", "https://[2606:4700:4700::1111]/hooks",
            "https://8.8.8.8:8443/rectrack?token=a" })
    void publicHttpsAddressesAreAccepted(String url) throws RefusedUrl {
        assertThat(production.check(url)).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8089/hooks", "http://[::1]:8089/hooks", "http://10.0.0.5/hooks" })
    void developmentAllowsPlainHttpAndPrivateAddresses(String url) throws RefusedUrl {
        assertThat(new CallbackUrls(settings(true)).check(url)).hasToString(url);
    }

    private static WebhooksConfig settings(boolean allowPrivate) {
        return new WebhooksConfig() {
            @Override
            public boolean allowPrivate() {
                return allowPrivate;
            }

            @Override
            public Optional<List<String>> allowedHosts() {
                return Optional.empty();
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int batchSize() {
                return 50;
            }

            @Override
            public List<Duration> retryDelays() {
                return List.of();
            }

            @Override
            public double jitter() {
                return 0;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration requestTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration pauseAfter() {
                return Duration.ofDays(3);
            }

            @Override
            public int pauseAfterFailedMessages() {
                return 3;
            }

            @Override
            public int feedEntries() {
                return 50;
            }
        };
    }
}
