package org.rectrack.evidence.replica;

import org.rectrack.events.EventEnvelope;
import org.rectrack.events.EventCodec.MalformedEventException;

/**
 * Applies an event of the recommendations topic that is not a recommendation's state and must be applied after the
 * recommendations it names: the replica hands each such event over in the topic's order, on its own thread, after
 * applying everything before it on the partition (an import's draft evidence rides the partition of the
 * recommendation it bears on). Defined here so that the replica depends on no feature that follows it.
 */
public interface AfterRecommendations {

    /**
     * Whether this follower applies the event: the replica then hands it over alone, once everything before it on the
     * partition is committed; an event no follower takes is applied with the records around it.
     */
    boolean follows(EventEnvelope<?> event);

    /**
     * Applies the event if it is of a type this follower handles, in a transaction of its own; ignores it otherwise.
     *
     * @throws MalformedEventException when the event can never be applied: it goes to the dead-letter topic with
     *                                 this reason; any other exception is tried again, as the replica's own are
     */
    void apply(EventEnvelope<?> event);
}
