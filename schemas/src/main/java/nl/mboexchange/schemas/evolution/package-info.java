/** The build's guard that every schema stays backward and forward compatible with each released version. */
package nl.mboexchange.schemas.evolution;
