/** What the integration tests share: a real PostgreSQL, the node's Spring context, and helpers to drive it. */
package nl.mboexchange.node.support;
