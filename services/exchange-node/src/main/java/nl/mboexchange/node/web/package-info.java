/**
 * What every REST endpoint shares: problem details for every error (RFC 9457), idempotent command submission, and
 * the OpenAPI document.
 */
package nl.mboexchange.node.web;
