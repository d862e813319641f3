package io.rapport.knowledge;

/**
 * Who is searching, which decides what they may find: staff find every ticket, internal notes included, and
 * customers; a customer finds only their own tickets, by what they can read there.
 */
public sealed interface Searcher {

    record Staff() implements Searcher {}

    record Customer(long customerId) implements Searcher {}

    static Searcher staff() {
        return new Staff();
    }

    static Searcher customer(long customerId) {
        return new Customer(customerId);
    }
}
