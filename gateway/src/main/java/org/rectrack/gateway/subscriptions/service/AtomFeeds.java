package org.rectrack.gateway.subscriptions.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.gateway.readmodel.EvidenceVersion;
import org.rectrack.gateway.readmodel.ReadModel;
import org.rectrack.gateway.readmodel.ReportVersion;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.subscriptions.WebhooksConfig;
import org.rectrack.gateway.subscriptions.domain.Subscription;
import org.rectrack.gateway.subscriptions.domain.WebhookMessage;

/**
 * Atom feeds (RFC 4287, written by ROME) for readers whose tools read feeds rather than receive webhooks: a
 * subscription's messages, and a country's news as one caller may see it. Entries are newest first and bounded
 * ({@code rectrack.webhooks.feed-entries}); an entry's id is stable ({@code urn:uuid:} of the message, or of the event
 * that made the change), whoever asks and however often.
 */
@ApplicationScoped
public class AtomFeeds {

    public static final String MEDIA_TYPE = "application/atom+xml";

    private final WebhooksConfig config;
    private final ReadModel readModel;

    AtomFeeds(WebhooksConfig config, ReadModel readModel) {
        this.config = config;
        this.readModel = readModel;
    }

    /** The feed of a subscription: its messages, their bodies as the entries' content. */
    public String subscription(Subscription subscription, List<WebhookMessage> messages, String selfUrl) {
        SyndFeed feed = feed("urn:uuid:" + subscription.id, "rectrack subscription " + subscription.id, selfUrl);
        List<SyndEntry> entries = new ArrayList<>();
        for (WebhookMessage message : messages) {
            entries.add(entry("urn:uuid:" + message.id, message.title, message.createdAt, message.type, "application/json",
                    message.body));
        }
        return write(feed, entries, subscription.createdAt);
    }

    /**
     * A country's news as {@code viewer} may see it: reports published, evidence submitted and evidence verified on its
     * recommendations (restricted evidence only for those who may see it), newest first.
     */
    @Transactional
    public String country(String country, Viewer viewer, String selfUrl) {
        int max = config.feedEntries();
        List<Item> items = new ArrayList<>();
        ReportVersion.<ReportVersion> find("from ReportVersion report where report.country = ?1 and report.version ="
                + " (select min(v.version) from ReportVersion v where v.reportId = report.reportId)"
                + " order by report.recordedAt desc", country).page(0, max).list()
                .forEach(report -> items.add(new Item("urn:uuid:" + report.eventId, "Report published: " + report.title,
                        report.recordedAt, "report.published", report.year + " " + report.tier + " (" + report.publisher
                                + ")")));
        TimeFrame frame = new TimeFrame(LocalDate.of(9999, 12, 31), Instant.parse("9999-12-31T00:00:00Z"));
        EvidenceVersion.<EvidenceVersion> find("select distinct evidence from EvidenceVersion evidence join evidence.links link"
                + " where evidence.change in ('SUBMITTED', 'VERIFIED') and exists (select 1 from RecommendationVersion r"
                + " where r.recommendationId = link.recommendationId and r.country = ?1) order by evidence.recordedAt desc",
                country).page(0, max * 2).list().stream()
                .filter(evidence -> viewer.maySee(evidence.visibility, evidence.organisation, evidence.origin))
                .filter(evidence -> readModel.evidence(evidence.evidenceId, frame).isPresent())
                .limit(max)
                .forEach(evidence -> items.add(new Item("urn:uuid:" + evidence.eventId,
                        "Evidence " + (evidence.state == EvidenceState.VERIFIED ? "verified" : "submitted") + ": "
                                + line(evidence.summary), evidence.recordedAt,
                        evidence.state == EvidenceState.VERIFIED ? "evidence.verified" : "evidence.submitted",
                        evidence.summary)));
        items.sort(Comparator.comparing(Item::updated).reversed().thenComparing(Item::id));
        SyndFeed feed = feed("urn:rectrack:country:" + country, "rectrack: " + country, selfUrl);
        List<SyndEntry> entries = items.stream().limit(max)
                .map(item -> entry(item.id(), item.title(), item.updated(), item.category(), "text", item.text())).toList();
        return write(feed, entries, Instant.EPOCH);
    }

    private record Item(String id, String title, Instant updated, String category, String text) {
    }

    private static SyndFeed feed(String id, String title, String selfUrl) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(id);
        feed.setTitle(title);
        feed.setLink(selfUrl);
        return feed;
    }

    private static SyndEntry entry(String id, String title, Instant updated, String category, String contentType,
            String text) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(id);
        entry.setTitle(title);
        entry.setUpdatedDate(Date.from(updated));
        entry.setPublishedDate(Date.from(updated));
        SyndContent content = new SyndContentImpl();
        content.setType(contentType);
        content.setValue(text);
        entry.setContents(List.of(content));
        SyndCategory tag = new SyndCategoryImpl();
        tag.setName(category);
        entry.setCategories(List.of(tag));
        return entry;
    }

    private static String write(SyndFeed feed, List<SyndEntry> entries, Instant empty) {
        feed.setEntries(entries);
        feed.setPublishedDate(Date.from(entries.isEmpty() ? empty : entries.getFirst().getUpdatedDate().toInstant()));
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("an Atom feed cannot be written", e);
        }
    }

    private static String line(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
