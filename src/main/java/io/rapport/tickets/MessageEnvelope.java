package io.rapport.tickets;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * How a message travelled through its channel, as the channel saw it: for a mail, who it was from, to and copied to,
 * and where an agent can see the original as it came (null for mails the desk sent).
 */
public record MessageEnvelope(
        @NotNull String from,
        @NotNull List<String> to,
        @NotNull List<String> cc,
        String originalUrl) {}
