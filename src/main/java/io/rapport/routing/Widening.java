package io.rapport.routing;

/**
 * How far a decision relaxes what a ticket needs when nobody fits, step by step (the assignment waits a set time
 * before each step): first a fluent or native speaker at the skill levels asked for; then a basic speaker; then one
 * skill level lower; then anyone with the skills at that lower level, whatever their languages.
 */
public enum Widening {
    NONE,
    BASIC_LANGUAGE,
    LOWER_SKILL,
    ANY_LANGUAGE;

    /** The next step, or null after the last. */
    public Widening next() {
        return this == ANY_LANGUAGE ? null : values()[ordinal() + 1];
    }
}
