package nl.mboexchange.node.sis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.RejectionReason;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.enrolment.application.AcceptEnrolment;
import nl.mboexchange.node.enrolment.application.CorrectResult;
import nl.mboexchange.node.enrolment.application.EnrolmentCommand;
import nl.mboexchange.node.enrolment.application.RecordResult;
import nl.mboexchange.node.enrolment.application.RejectEnrolment;
import nl.mboexchange.node.enrolment.application.RequestEnrolment;
import nl.mboexchange.node.enrolment.application.RevokeResult;
import nl.mboexchange.node.enrolment.application.WithdrawEnrolment;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidValue;
import nl.mboexchange.node.shared.Refusal;
import nl.mboexchange.node.shared.Require;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Translates the Avro commands of the SIS contract ({@code schemas/src/main/avro/sis}) into the application's
 * {@link EnrolmentCommand}s, exactly as the REST API translates its request bodies: the same constructors, so the same
 * checks. The Avro types stay in this adapter.
 */
final class SisCommands {

    private static final Set<Class<?>> COMMANDS = Set.of(
            nl.mboexchange.sis.RequestEnrolment.class,
            nl.mboexchange.sis.AcceptEnrolment.class,
            nl.mboexchange.sis.RejectEnrolment.class,
            nl.mboexchange.sis.WithdrawEnrolment.class,
            nl.mboexchange.sis.RecordResult.class,
            nl.mboexchange.sis.CorrectResult.class,
            nl.mboexchange.sis.RevokeResult.class);

    /** The longest {@code issuedBy}: a user name or the name of a SIS, as long as a person's name may be. */
    static final int MAX_ISSUED_BY = 200;

    private final Clock clock;

    SisCommands(Clock clock) {
        this.clock = clock;
    }

    /** The decoded record is a command of the SIS contract. */
    static boolean isCommand(Object record) {
        return record != null && COMMANDS.contains(record.getClass());
    }

    /** What every command carries; {@code command} must be one ({@link #isCommand}). */
    static IssuedCommand issued(SpecificRecord command) {
        // Every command has these fields, required by its schema, so the decoder has filled them in.
        GenericRecord fields = (GenericRecord) command;
        return new IssuedCommand(
                (UUID) fields.get("commandId"),
                command.getSchema().getName(),
                (String) fields.get("issuedBy"),
                (Instant) fields.get("issuedAt"),
                new EnrolmentId((UUID) fields.get("enrolmentId")));
    }

    /**
     * The application command.
     *
     * @throws Refusal when a value breaks a rule, as the REST API would refuse it with 400
     */
    EnrolmentCommand toCommand(SpecificRecord command) {
        try {
            // Repeated in the answer and kept with the command id, so bounded like every other text of the contract.
            Require.text((String) ((GenericRecord) command).get("issuedBy"), "issuedBy", MAX_ISSUED_BY);
            return translate(command);
        } catch (Refusal refusal) {
            throw refusal;
        } catch (RuntimeException e) {
            throw new InvalidCommand(null, "the command cannot be read: " + e.getMessage());
        }
    }

    private EnrolmentCommand translate(SpecificRecord command) {
        if (command instanceof nl.mboexchange.sis.RequestEnrolment c) {
            var student = c.getStudent();
            var course = c.getCourse();
            // The REST API checks this with @Past on the request body; the domain does not know today's date.
            if (!student.getDateOfBirth().isBefore(LocalDate.now(clock))) {
                throw new InvalidValue("student.dateOfBirth", "dateOfBirth must be in the past");
            }
            return new RequestEnrolment(
                    new EnrolmentId(c.getEnrolmentId()),
                    SchoolCode.of(c.getHostSchool()),
                    new VisitingStudent(
                            student.getExchangeId(),
                            student.getGivenName(),
                            student.getFamilyName(),
                            student.getDateOfBirth(),
                            student.getEmail()),
                    new CourseOffering(
                            CourseCode.of(course.getCourseCode()),
                            course.getOfferingId(),
                            course.getTitle(),
                            course.getStudyLoadHours(),
                            course.getStartDate(),
                            course.getEndDate(),
                            ResultScale.valueOf(course.getResultScale().name())));
        }
        if (command instanceof nl.mboexchange.sis.AcceptEnrolment c) {
            return new AcceptEnrolment(new EnrolmentId(c.getEnrolmentId()), c.getNote());
        }
        if (command instanceof nl.mboexchange.sis.RejectEnrolment c) {
            return new RejectEnrolment(
                    new EnrolmentId(c.getEnrolmentId()),
                    RejectionReason.valueOf(c.getReasonCode().name()),
                    c.getReasonText());
        }
        if (command instanceof nl.mboexchange.sis.WithdrawEnrolment c) {
            return new WithdrawEnrolment(new EnrolmentId(c.getEnrolmentId()), c.getReason());
        }
        if (command instanceof nl.mboexchange.sis.RecordResult c) {
            return new RecordResult(
                    new EnrolmentId(c.getEnrolmentId()),
                    c.getAttempt(),
                    Grade.parse(c.getGrade()),
                    c.getFinalResult(),
                    c.getAssessedOn());
        }
        if (command instanceof nl.mboexchange.sis.CorrectResult c) {
            return new CorrectResult(
                    new EnrolmentId(c.getEnrolmentId()),
                    c.getAttempt(),
                    c.getExpectedVersion(),
                    Grade.parse(c.getGrade()),
                    c.getFinalResult(),
                    c.getAssessedOn(),
                    c.getReason());
        }
        if (command instanceof nl.mboexchange.sis.RevokeResult c) {
            return new RevokeResult(new EnrolmentId(c.getEnrolmentId()), c.getAttempt(), c.getReason());
        }
        throw new IllegalArgumentException(
                "not a SIS command: " + command.getSchema().getFullName());
    }
}
