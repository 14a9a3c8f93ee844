/** The disclosure report read from the enrolments and the timeline of events this node sent. */
package nl.mboexchange.node.disclosure.persistence;
