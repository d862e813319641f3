package io.rapport.knowledge;

/**
 * One result: what it is ({@code ticket}, {@code customer} or {@code article}), its id, a title (a ticket's subject,
 * a customer's name, an article's title), and a snippet of where the words were found, HTML-escaped with the words in {@code <mark>}. A
 * ticket also carries its number (its address in the workspace is {@code /tickets/<number>}); a public article its
 * address in the help center ({@code url}).
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record SearchHit(String type, long id, String title, String snippet, Long number, String url) {

    public SearchHit(String type, long id, String title, String snippet, Long number) {
        this(type, id, title, snippet, number, null);
    }
}
