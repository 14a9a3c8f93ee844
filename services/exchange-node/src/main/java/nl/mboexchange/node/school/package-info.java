/** Schools: the institutions that take part, identified by their institution code. */
package nl.mboexchange.node.school;
