package io.rapport.knowledge;

/**
 * Who is searching, which decides what they may find: staff find every ticket, internal notes included, customers and
 * every article; a customer finds only their own tickets, by what they can read there, and public articles; a visitor
 * of the help center finds public articles only.
 */
public sealed interface Searcher {

    record Staff() implements Searcher {}

    record Customer(long customerId) implements Searcher {}

    record Visitor() implements Searcher {}

    static Searcher visitor() {
        return new Visitor();
    }

    static Searcher staff() {
        return new Staff();
    }

    static Searcher customer(long customerId) {
        return new Customer(customerId);
    }
}
