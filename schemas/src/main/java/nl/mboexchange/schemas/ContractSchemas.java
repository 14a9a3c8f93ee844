package nl.mboexchange.schemas;

import java.util.List;
import org.apache.avro.Schema;

/**
 * Every record schema that is written to Kafka in the network, as the generated classes carry it: the exchange events
 * that nodes send each other, and the SIS contract (the commands a SIS sends, the updates and refusals its node sends
 * back). The operator registers exactly these in the schema registry before any node or SIS runs; nodes and SISes
 * only look them up. A schema added under {@code src/main/avro} is added here too (ContractSchemasTest checks it).
 */
public final class ContractSchemas {

    private static final List<Schema> ALL = List.of(
            nl.mboexchange.exchange.RegistrationRequested.getClassSchema(),
            nl.mboexchange.exchange.RegistrationAccepted.getClassSchema(),
            nl.mboexchange.exchange.RegistrationRejected.getClassSchema(),
            nl.mboexchange.exchange.RegistrationWithdrawn.getClassSchema(),
            nl.mboexchange.exchange.CourseResultRecorded.getClassSchema(),
            nl.mboexchange.exchange.CourseResultRevoked.getClassSchema(),
            nl.mboexchange.exchange.ResultAcknowledged.getClassSchema(),
            nl.mboexchange.exchange.ErasureRequested.getClassSchema(),
            nl.mboexchange.exchange.ErasureConfirmed.getClassSchema(),
            nl.mboexchange.exchange.ReconciliationRequested.getClassSchema(),
            nl.mboexchange.sis.RequestEnrolment.getClassSchema(),
            nl.mboexchange.sis.AcceptEnrolment.getClassSchema(),
            nl.mboexchange.sis.RejectEnrolment.getClassSchema(),
            nl.mboexchange.sis.WithdrawEnrolment.getClassSchema(),
            nl.mboexchange.sis.RecordResult.getClassSchema(),
            nl.mboexchange.sis.CorrectResult.getClassSchema(),
            nl.mboexchange.sis.RevokeResult.getClassSchema(),
            nl.mboexchange.sis.EnrolmentUpdate.getClassSchema(),
            nl.mboexchange.sis.CommandRejected.getClassSchema());

    private ContractSchemas() {}

    /** @return the schemas, exchange events first, then the SIS contract */
    public static List<Schema> all() {
        return ALL;
    }
}
