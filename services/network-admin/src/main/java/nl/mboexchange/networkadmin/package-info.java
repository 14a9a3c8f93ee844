/**
 * The operator's side of the shared Kafka cluster: who may log in (SCRAM credentials per school node and per SIS),
 * what each may do (ACLs), which topics exist, and which schools are members of the network.
 */
package nl.mboexchange.networkadmin;
