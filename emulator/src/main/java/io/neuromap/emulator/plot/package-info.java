/**
 * The run plot: a spike raster with one colour per population over a population-rate panel,
 * written as SVG and PNG from one layout drawn on a {@link
 * io.neuromap.emulator.plot.Canvas}.
 *
 * <p>Why not a charting library: XChart (3.8.8, on Maven Central) would draw one marker per spike,
 * so the SVG of a 100,000-neuron run would hold millions of elements, and it brings
 * VectorGraphics2D and PDFBox (about 4 MB) for two fixed charts. Here the raster is binned to the
 * plot's pixels first, which bounds both files by the plot's area, and the SVG text is written
 * with fixed number formatting, so the same spikes give the same bytes (DESIGN.md, determinism).
 * The PNG is drawn with Java2D (headless) and encoded by ImageIO.
 */
package io.neuromap.emulator.plot;
