/**
 * The registrars' console at {@code /}: server-rendered pages over the same application services as the REST API,
 * in Dutch and English, kept up to date by htmx polling.
 */
package nl.mboexchange.node.console;
