package io.rapport.tickets;

import io.rapport.common.InvalidInput;
import io.rapport.common.Times;
import io.rapport.tickets.internal.SavedViewRepository;
import io.rapport.tickets.internal.TicketRepository;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists saved by agents (ADR 18): a base view, a filter in the address grammar of the workspace and a sort, personal
 * or shared with the team. The workspace checks the filter's grammar before saving one.
 */
@Service
public class SavedViews {

    private final SavedViewRepository views;
    private final Clock clock;

    SavedViews(SavedViewRepository views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public long create(String name, long ownerId, boolean shared, String baseView, String filter, String sort) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidInput("name", "is required and at most 100 characters");
        }
        TicketRepository.sortColumn(sort); // a sort that is none is refused
        return views.insert(name.strip(), ownerId, shared, baseView, filter, sort, Times.now(clock));
    }
}
