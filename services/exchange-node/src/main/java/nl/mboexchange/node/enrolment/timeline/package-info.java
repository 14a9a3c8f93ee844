/** The timeline: every event an enrolment sent or received, in order, as the registrar's history of it. */
package nl.mboexchange.node.enrolment.timeline;
