package io.rapport.accounts;

/** A skill with a level from 1 (beginner) to 5 (specialist). */
public record AgentSkill(String name, int level) {}
