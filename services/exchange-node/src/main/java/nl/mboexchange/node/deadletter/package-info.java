/**
 * The operator's worklist of records the node would not take in: listed with why, and replayed once the cause is
 * fixed.
 */
package nl.mboexchange.node.deadletter;
