/**
 * Target backends, one package per chip: limits, lowering to the chip's number formats, resource
 * models for the mapping engine, configuration writers and cost models. Depends on the compiler only.
 */
package io.neuromap.backends;
