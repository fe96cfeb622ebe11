package io.neuromap.backends.loihi1.config;

/**
 * Checks one decoded table row against the ranges and cross-references its table allows. A check
 * may keep state between rows (to check their order), so each table read gets a fresh one.
 * Reading and writing both run the same checks, so a hand-written table and a compiled one are
 * judged alike.
 */
@FunctionalInterface
interface Loihi1RowCheck {

    /**
     * @param row the row's values, one per column
     * @return null if the row is fine, else what is wrong (without the row number), e.g.
     *     {@code weight 300 outside [-256, 255]}
     */
    String check(long[] row);
}
