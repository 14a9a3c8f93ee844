/** Latency percentiles, rates and the CPU and heap a process used, as the figures of the report carry them. */
package nl.mboexchange.benchmark.measure;
