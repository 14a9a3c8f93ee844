package nl.mboexchange.node.sis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.enrolment.Rejection;
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
import nl.mboexchange.node.result.ResultVersion;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidInput;
import nl.mboexchange.node.shared.InvalidValue;
import nl.mboexchange.node.shared.Plausible;
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
            List<FieldProblem> problems = check(command);
            if (!problems.isEmpty()) {
                throw new InvalidFields(problems);
            }
            // The same constructors as the REST API's, so the rules that span fields (an end before the start) and
            // every rule not checked above still hold.
            return translate(command);
        } catch (Refusal refusal) {
            throw refusal;
        } catch (RuntimeException e) {
            throw new InvalidCommand(null, "the command cannot be read: " + e.getMessage());
        }
    }

    /** Every field of the command that breaks its own rule, each checked on its own, in the command's field order. */
    private List<FieldProblem> check(SpecificRecord command) {
        Checks checks = new Checks();
        // Repeated in the answer and kept with the command id, so bounded like every other text of the contract.
        checks.field(
                "issuedBy",
                () -> Require.text((String) ((GenericRecord) command).get("issuedBy"), "issuedBy", MAX_ISSUED_BY));
        if (command instanceof nl.mboexchange.sis.RequestEnrolment c) {
            checks.field("hostSchool", () -> SchoolCode.of(c.getHostSchool()));
            var student = c.getStudent();
            checks.field(
                    "student.givenName",
                    () -> Require.text(student.getGivenName(), "givenName", VisitingStudent.MAX_NAME));
            checks.field(
                    "student.familyName",
                    () -> Require.text(student.getFamilyName(), "familyName", VisitingStudent.MAX_NAME));
            checks.field("student.dateOfBirth", () -> {
                Plausible.date(student.getDateOfBirth(), "dateOfBirth");
                // The REST API checks this with @Past on the request body; the domain does not know today's date.
                if (!student.getDateOfBirth().isBefore(today())) {
                    throw new InvalidValue("student.dateOfBirth", "dateOfBirth must be in the past");
                }
            });
            checks.field("student.email", () -> VisitingStudent.email(student.getEmail()));
            var course = c.getCourse();
            checks.field("course.courseCode", () -> CourseCode.of(course.getCourseCode()));
            checks.field(
                    "course.offeringId",
                    () -> Require.text(course.getOfferingId(), "offeringId", CourseOffering.MAX_OFFERING_ID));
            checks.field("course.title", () -> Require.text(course.getTitle(), "title", CourseOffering.MAX_TITLE));
            checks.field(
                    "course.studyLoadHours", () -> Require.atLeast(course.getStudyLoadHours(), 1, "studyLoadHours"));
            checks.field("course.startDate", () -> Plausible.date(course.getStartDate(), "startDate"));
            checks.field("course.endDate", () -> Plausible.date(course.getEndDate(), "endDate"));
        } else if (command instanceof nl.mboexchange.sis.AcceptEnrolment c) {
            checks.field("note", () -> Require.optionalText(c.getNote(), "note", RegistrationAccepted.MAX_NOTE));
        } else if (command instanceof nl.mboexchange.sis.RejectEnrolment c) {
            checks.field("reasonText", () -> Require.text(c.getReasonText(), "reasonText", Rejection.MAX_TEXT));
        } else if (command instanceof nl.mboexchange.sis.WithdrawEnrolment c) {
            checks.field(
                    "reason", () -> Require.optionalText(c.getReason(), "reason", RegistrationWithdrawn.MAX_REASON));
        } else if (command instanceof nl.mboexchange.sis.RecordResult c) {
            checks.field("attempt", () -> Require.atLeast(c.getAttempt(), 1, "attempt"));
            checks.field("grade", () -> Grade.canonical(c.getGrade()));
            checks.field("assessedOn", () -> assessedOn(c.getAssessedOn()));
        } else if (command instanceof nl.mboexchange.sis.CorrectResult c) {
            checks.field("attempt", () -> Require.atLeast(c.getAttempt(), 1, "attempt"));
            checks.field("expectedVersion", () -> Require.atLeast(c.getExpectedVersion(), 1, "expectedVersion"));
            checks.field("grade", () -> Grade.canonical(c.getGrade()));
            checks.field("assessedOn", () -> assessedOn(c.getAssessedOn()));
            checks.field("reason", () -> Require.text(c.getReason(), "reason", ResultVersion.MAX_REASON));
        } else if (command instanceof nl.mboexchange.sis.RevokeResult c) {
            checks.field("attempt", () -> Require.atLeast(c.getAttempt(), 1, "attempt"));
            checks.field("reason", () -> Require.text(c.getReason(), "reason", ResultVersion.MAX_REASON));
        }
        return checks.problems;
    }

    private void assessedOn(LocalDate day) {
        Plausible.date(day, "assessedOn");
        // A result is recorded after the assessment; a date ahead of today is a typing error that would travel to the
        // home school and its diploma records.
        if (day.isAfter(today())) {
            throw new InvalidValue("assessedOn", "assessedOn must not be in the future");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Collects the problems of checks that each throw on the first rule their field breaks. */
    private static final class Checks {
        private final List<FieldProblem> problems = new ArrayList<>();

        void field(String path, Runnable rule) {
            try {
                rule.run();
            } catch (InvalidInput invalid) {
                problems.add(new FieldProblem(path, invalid.code(), invalid.getMessage()));
            }
        }
    }

    private EnrolmentCommand translate(SpecificRecord command) {
        if (command instanceof nl.mboexchange.sis.RequestEnrolment c) {
            var student = c.getStudent();
            var course = c.getCourse();
            return new RequestEnrolment(
                    new EnrolmentId(c.getEnrolmentId()),
                    SchoolCode.of(c.getHostSchool()),
                    VisitingStudent.of(
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
                    Grade.canonical(c.getGrade()),
                    c.getFinalResult(),
                    c.getAssessedOn());
        }
        if (command instanceof nl.mboexchange.sis.CorrectResult c) {
            return new CorrectResult(
                    new EnrolmentId(c.getEnrolmentId()),
                    c.getAttempt(),
                    c.getExpectedVersion(),
                    Grade.canonical(c.getGrade()),
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
