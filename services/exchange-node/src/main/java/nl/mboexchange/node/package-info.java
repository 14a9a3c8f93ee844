/**
 * The exchange node of one school. Features live in their own packages ({@code enrolment}, {@code result},
 * {@code course}, {@code school}, {@code timeline}); each domain package is free of frameworks, and its adapters
 * ({@code web}, {@code persistence}, {@code application}) sit in subpackages.
 */
package nl.mboexchange.node;
