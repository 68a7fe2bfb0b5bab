package org.rectrack.gateway.subscriptions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of subscriptions and their webhook deliveries ({@code rectrack.webhooks.*}; README, "Subscriptions"). */
@ConfigMapping(prefix = "rectrack.webhooks")
public interface WebhooksConfig {

    /**
     * Whether callback URLs may be plain {@code http} and name loopback, link-local, private, unique-local, multicast
     * or unspecified addresses: for development and tests only (true in the dev and test profiles), since it lets
     * anyone signed in make the gateway send requests into its own network (server-side request forgery).
     */
    @WithDefault("false")
    boolean allowPrivate();

    /**
     * If set, the only host names (or literal addresses) a callback URL may name, compared without case: the tests
     * name 127.0.0.1, so that no test can make the gateway deliver anywhere else.
     */
    Optional<List<String>> allowedHosts();

    /**
     * How often each gateway instance looks for messages due (retries, and what other instances wrote); at least 1 s,
     * the scheduler's shortest. Messages an instance writes itself go out as soon as their transaction commits.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** At most this many messages delivered per poll by one instance. */
    @WithDefault("50")
    int batchSize();

    /**
     * The wait before each retry of a failed delivery, the first after the first failure; once all are used the
     * message is given up. The default spreads 8 attempts over about a day (27.6 h). Each wait is jittered by
     * {@link #jitter()}.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retryDelays();

    /** The fraction each retry delay is randomly shortened or lengthened by, so that receivers are not hit in waves. */
    @WithDefault("0.2")
    double jitter();

    /** Bound on opening a connection to a receiver. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Bound on a whole delivery, from sending the request to the end of the answer's headers. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** A subscription whose every attempt has failed for this long is paused, its owner told why. */
    @WithDefault("3d")
    Duration pauseAfter();

    /** A subscription that gave up this many messages in a row is paused too. */
    @WithDefault("3")
    int pauseAfterFailedMessages();

    /** The entries of an Atom feed, newest first. */
    @WithDefault("50")
    int feedEntries();
}
