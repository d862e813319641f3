package io.rapport.tickets;

import java.util.Optional;

/**
 * Tells the language a customer wrote in (ISO 639-1), or nothing when the text does not say clearly. Tickets asks it
 * about a new ticket's first message; another module provides it (routing, with the configured languages), so tickets
 * knows nothing of how. Without one, a ticket takes the customer's chosen language.
 */
public interface LanguageDetection {

    Optional<String> detect(String text);
}
