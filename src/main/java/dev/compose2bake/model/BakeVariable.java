package dev.compose2bake.model;

/**
 * A bake {@code variable} block: its name, its default (null for none), and a comment saying
 * where the default came from (null for none).
 */
public record BakeVariable(String name, String defaultValue, String comment) {}
