/** The report of a run: a table for people on standard output, and every figure in a JSON file. */
package nl.mboexchange.benchmark.report;
