/** Strategies that name the registry subject a record's schema is registered under. */
package nl.mboexchange.serde.subject;
