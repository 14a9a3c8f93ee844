/**
 * The disclosure report (AVG art. 15): for one student, which schools received which of their data, and when, from
 * what this node sent.
 */
package nl.mboexchange.node.disclosure;
