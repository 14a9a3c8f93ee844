/** Where the timelines are stored: one row per event and enrolment, its fields as JSON. */
package nl.mboexchange.node.enrolment.timeline.persistence;
