/** Who may use the node's REST API: this school's registrars, with HTTP Basic; health and API docs stay open. */
package nl.mboexchange.node.security;
