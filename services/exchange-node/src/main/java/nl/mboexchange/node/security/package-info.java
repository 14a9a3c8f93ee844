/**
 * Who may use the node: registrars act, readers look, operators run it and monitors scrape its metrics; HTTP Basic
 * on the REST API and a signed-in session in the console, both throttled after failed sign-ins; health and API docs
 * stay open.
 */
package nl.mboexchange.node.security;
