package io.rapport.web;

import io.rapport.common.Coded;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What went wrong with a form, said to the person in the page's language: a wrong field ({@code error.invalid.<field>},
 * else "Check the <field label>.") or a clash with the current state ({@code error.conflict.<code>}). The API keeps
 * the English messages of the exceptions.
 */
@Component
public class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    public String describe(RuntimeException e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (e instanceof InvalidInput invalid) {
            String field = invalid.field();
            return message("error.invalid." + field, locale, new Object[0])
                    .orElseGet(() -> messages.getMessage(
                            "error.invalid",
                            new Object[] {
                                message("field." + field, locale, new Object[0]).orElse(field)
                            },
                            locale));
        }
        if (e instanceof Conflict conflict) {
            Object[] args = Arrays.stream(conflict.args())
                    .map(arg -> arg instanceof Coded coded && coded.messageKey() != null
                            ? message(coded.messageKey(), locale, new Object[0]).orElse(coded.code())
                            : arg)
                    .toArray();
            return message("error.conflict." + conflict.code(), locale, args)
                    .orElseGet(() -> messages.getMessage("error.conflict", null, locale));
        }
        return messages.getMessage("error.unexpected", null, locale);
    }

    /** A message of the page's language, for what a page says about a result (not an exception). */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private Optional<String> message(String key, Locale locale, Object[] args) {
        try {
            return Optional.of(messages.getMessage(key, args, locale));
        } catch (NoSuchMessageException e) {
            return Optional.empty();
        }
    }
}
