/**
 * Draft evidence proposed by the recommendations-service ({@code rectrack.evidence.proposed}): the figures and
 * findings of an imported narrative, or an unmatched finding an admin attached, each about one recommendation,
 * recorded here as SUBMITTED evidence of origin ADMIN for a reviewer.
 *
 * <p>Drafts ride the recommendations topic, keyed by the recommendation they bear on, and reach this service
 * through the replica's consumer ({@link org.rectrack.evidence.replica.AfterRecommendations}): the replica has
 * applied that recommendation's creation before, as it came first on the same partition, so nothing waits for it.
 */
package org.rectrack.evidence.drafts;
