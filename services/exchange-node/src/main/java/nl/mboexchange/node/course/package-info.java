/** Courses: what a host school offers, identified by an SBB keuzedeel code. */
package nl.mboexchange.node.course;
