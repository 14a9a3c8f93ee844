/**
 * Who may use the node: this school's registrars, with HTTP Basic on the REST API and a signed-in session in the
 * console; health and API docs stay open.
 */
package nl.mboexchange.node.security;
