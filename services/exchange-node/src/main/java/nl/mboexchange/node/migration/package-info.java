/**
 * Database migrations that SQL cannot express, run by Flyway in their place among {@code db/migration}: each converts
 * data an older node wrote into what this one reads, so that no reader of the old form is left in the node.
 */
package nl.mboexchange.node.migration;
