/**
 * The members of the network as this node knows them: it follows the compacted members topic the operator's tool
 * writes, so that a school added or removed reaches every node without a restart.
 */
package nl.mboexchange.node.membership;
