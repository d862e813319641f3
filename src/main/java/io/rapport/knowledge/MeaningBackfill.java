package io.rapport.knowledge;

import io.rapport.knowledge.internal.MeaningBackfillStore;
import org.springframework.stereotype.Service;

/**
 * Works out the meaning vectors of tickets solved before meanings existed (ADR 33): started by an admin, newest first,
 * throttled, one node at a time, resumable. The work itself is a background job; these calls only change its state.
 */
@Service
public class MeaningBackfill {

    private final MeaningBackfillStore store;

    MeaningBackfill(MeaningBackfillStore store) {
        this.store = store;
    }

    public MeaningBackfillStatus status() {
        return store.status();
    }

    /**
     * Starts the walk from the newest solved ticket, or resumes a paused or failed one where it was; a running one
     * goes on as it was.
     */
    public MeaningBackfillStatus start(long byAgentId) {
        store.start(byAgentId);
        return store.status();
    }

    /** Pauses a running walk after the page it is on; {@link #start} resumes it. */
    public MeaningBackfillStatus pause() {
        store.pause();
        return store.status();
    }
}
