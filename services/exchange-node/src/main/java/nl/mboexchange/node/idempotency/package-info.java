/**
 * Idempotent command submission: a command sent again with the same idempotency key gets the first response and has
 * no second effect.
 */
package nl.mboexchange.node.idempotency;
