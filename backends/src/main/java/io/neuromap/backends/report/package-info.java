/**
 * The compile report, target-independent: {@link io.neuromap.backends.report.CompileReport} holds
 * everything a compile learned about a network on a target (feasibility, every
 * {@link io.neuromap.compiler.mapping.Violation}, per-core utilization, lower bounds, traffic,
 * quantization error, an energy and time estimate), and the writers turn that one model into
 * {@code report.txt}, {@code report.json} and {@code report.sarif}. One model feeds all three, so
 * the three files can never disagree (STYLE item 9); a target fills the model, it never writes a
 * report of its own.
 */
package io.neuromap.backends.report;
