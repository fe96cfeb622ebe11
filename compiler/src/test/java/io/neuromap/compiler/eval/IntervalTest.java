package io.neuromap.compiler.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.model.Domain;
import org.junit.jupiter.api.Test;

class IntervalTest {
    private static final Interval UNIT = Interval.closed(0, 1);
    private static final Interval POSITIVE = new Interval(0, true, Double.POSITIVE_INFINITY, true);

    @Test
    void sumsAndProductsKeepWhetherEndsAreReached() {
        Interval a = Interval.point(0.02).plus(Interval.point(0.08).times(UNIT));
        assertEquals(new Interval(0.02, false, 0.1, false), a);
        assertEquals(POSITIVE, POSITIVE.times(Interval.point(0.02)));
        assertEquals(Interval.closed(-1, 1), UNIT.times(Interval.closed(-1, 1)));
        assertEquals(Interval.closed(0, Double.POSITIVE_INFINITY).lo(), Interval.closed(0, 2).times(POSITIVE).lo());
        assertFalse(Interval.closed(0, 2).times(POSITIVE).loOpen(), "0 * x is reached when the closed end 0 is");
    }

    @Test
    void domainsAreCheckedWithOpenAndClosedEnds() {
        assertTrue(POSITIVE.within(Domain.POSITIVE));
        assertFalse(UNIT.within(Domain.POSITIVE));
        assertTrue(UNIT.within(Domain.NON_NEGATIVE));
        assertTrue(UNIT.within(Domain.UNIT_INTERVAL));
        assertFalse(Interval.ALL.within(Domain.NON_NEGATIVE));
        assertTrue(Interval.ALL.within(Domain.ANY));
    }

    @Test
    void reciprocalAndPowersFollowTheSigns() {
        assertEquals(new Interval(1, false, Double.POSITIVE_INFINITY, true), new Interval(0, true, 1, false).reciprocal());
        assertEquals(Interval.closed(0, 4), Interval.closed(-2, 1).pow(2));
        assertEquals(Interval.closed(-8, 1), Interval.closed(-2, 1).pow(3));
        assertTrue(UNIT.mayBeZero());
        assertFalse(POSITIVE.mayBeZero());
    }

    @Test
    void clipsIntersectForRedrawAndClampToTheBounds() {
        Interval normal = Interval.ALL;
        assertEquals(Interval.closed(5, 35), normal.intersect(Interval.closed(5, 35)).orElseThrow());
        assertEquals(new Interval(0, true, 80, false), POSITIVE.intersect(Interval.closed(-10, 80)).orElseThrow());
        assertEquals(Interval.closed(5, 35), normal.clamp(5, 35));
        assertEquals(new Interval(0, true, 35, false), POSITIVE.clamp(-1, 35));
        assertTrue(Interval.closed(0, 1).intersect(Interval.closed(2, 3)).isEmpty());
    }

    @Test
    void nanEndsBecomeEverything() {
        assertEquals(Interval.ALL, new Interval(Double.NaN, false, 1, false));
        assertEquals(Interval.ALL, new Interval(2, false, 1, false));
    }
}
