/** The operator's REST API for held events and reconciliation. */
package nl.mboexchange.node.streams.web;
