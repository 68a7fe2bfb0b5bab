package org.rectrack.gateway.subscriptions.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import org.rectrack.gateway.subscriptions.WebhooksConfig;
import org.rectrack.gateway.subscriptions.service.CallbackUrls;

/**
 * Sends one message to a callback URL as Standard Webhooks says (https://www.standardwebhooks.com/): a POST of the
 * JSON body with {@code webhook-id}, {@code webhook-timestamp} (Unix seconds, this attempt's) and
 * {@code webhook-signature} ({@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body}, signed by the official
 * library). The URL is checked again first ({@link CallbackUrls}: its host may resolve elsewhere now); redirects are
 * not followed (a 3xx is a failure), and both the connection and the answer are bounded in time.
 */
@ApplicationScoped
public class WebhookSender {

    /** What an attempt came to: the receiver's status (null when none came), how long, and what went wrong. */
    public record Result(Integer statusCode, long latencyMs, String error) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final CallbackUrls callbackUrls;
    private final WebhooksConfig config;
    private final HttpClient client;

    WebhookSender(CallbackUrls callbackUrls, WebhooksConfig config) {
        this.callbackUrls = callbackUrls;
        this.config = config;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Sends {@code body} as message {@code messageId} to {@code callbackUrl}, signed with {@code secret}; never throws. */
    public Result send(String callbackUrl, String secret, String messageId, String body) {
        URI uri;
        try {
            uri = callbackUrls.check(callbackUrl);
        } catch (CallbackUrls.RefusedUrl e) {
            return new Result(null, 0, "not delivered: the callback URL " + e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        String signature;
        try {
            signature = new Webhook(secret).sign(messageId, timestamp, body);
        } catch (WebhookSigningException e) {
            return new Result(null, 0, "not signed: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "rectrack-webhooks")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            long latency = (System.nanoTime() - start) / 1_000_000;
            int status = response.statusCode();
            return new Result(status, latency, status >= 200 && status < 300 ? null
                    : status >= 300 && status < 400 ? "answered " + status + " (redirects are not followed)"
                    : "answered " + status);
        } catch (HttpTimeoutException e) {
            return new Result(null, (System.nanoTime() - start) / 1_000_000, "timed out: " + e.getMessage());
        } catch (IOException e) {
            return new Result(null, (System.nanoTime() - start) / 1_000_000, "failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, (System.nanoTime() - start) / 1_000_000, "interrupted");
        }
    }
}
