/**
 * Energy and time per time step of a network mapped onto Loihi 1, estimated from expected
 * activity ({@link io.neuromap.backends.loihi1.cost.Loihi1Activity}) and published per-event
 * figures ({@link io.neuromap.backends.loihi1.cost.Loihi1CostFigures}): Davies et al. 2018,
 * Table 2, for the nominal value, and the SANA-FE model calibrated on Nahuku hardware for the
 * band around it ({@code specs/loihi1.md} §4.1). An estimate, labelled as one in every report.
 */
package io.neuromap.backends.loihi1.cost;
