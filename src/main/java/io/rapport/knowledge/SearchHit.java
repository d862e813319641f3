package io.rapport.knowledge;

/**
 * One result: what it is ({@code ticket} or {@code customer}), its id, a title (a ticket's subject with its number, a
 * customer's name), and a snippet of where the words were found, HTML-escaped with the words in {@code <mark>}.
 */
public record SearchHit(String type, long id, String title, String snippet) {}
