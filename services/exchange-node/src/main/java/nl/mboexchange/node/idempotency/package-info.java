/**
 * Idempotent command submission over REST: a command sent again with the same {@code Idempotency-Key} gets the first
 * response and has no second effect. The SIS's command ids are kept by the SIS adapter itself.
 */
package nl.mboexchange.node.idempotency;
