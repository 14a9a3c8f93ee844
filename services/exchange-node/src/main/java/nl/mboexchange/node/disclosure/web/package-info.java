/** The disclosure report over REST, as JSON and as a printable page. */
package nl.mboexchange.node.disclosure.web;
