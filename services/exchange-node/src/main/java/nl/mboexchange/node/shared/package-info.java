/** Shared kernel of the domain: the kinds of refusal every feature throws, and small checks on plain values. */
package nl.mboexchange.node.shared;
