/**
 * Results: per attempt every version the host recorded, corrected or revoked, each with the home school's receipt.
 */
package nl.mboexchange.node.result;
