package io.rapport.accounts;

import io.rapport.common.Coded;

/** How well an agent speaks a language: native, fluent or basic. */
public enum LanguageLevel implements Coded {
    NATIVE,
    FLUENT,
    BASIC;

    @Override
    public String toString() {
        return code();
    }
}
