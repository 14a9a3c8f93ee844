package nl.mboexchange.serde;

/** The rule a registry applies when a new schema version is registered under a subject. */
public enum CompatibilityLevel {
    /** Any schema is accepted. Apicurio's global default. */
    NONE,
    /** The new schema can read data written with the previous version. Confluent's global default. */
    BACKWARD,
    /** The new schema can read data written with every earlier version. */
    BACKWARD_TRANSITIVE,
    /** The previous version can read data written with the new schema. */
    FORWARD,
    /** Every earlier version can read data written with the new schema. */
    FORWARD_TRANSITIVE,
    /** Both backward and forward, against the previous version. */
    FULL,
    /** Both backward and forward, against every earlier version. */
    FULL_TRANSITIVE
}
