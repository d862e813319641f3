package io.rapport.knowledge;

/**
 * One result: what it is ({@code ticket} or {@code customer}), its id, a title (a ticket's subject with its number, a
 * customer's name), and a snippet of where the words were found, HTML-escaped with the words in {@code <mark>}. A
 * ticket also carries its number (its address in the workspace is {@code /tickets/<number>}).
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record SearchHit(String type, long id, String title, String snippet, Long number) {}
