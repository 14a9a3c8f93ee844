/** The operator's REST API for dead letters and for outbox messages held back. */
package nl.mboexchange.node.deadletter.web;
