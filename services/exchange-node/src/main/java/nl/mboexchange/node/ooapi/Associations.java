package nl.mboexchange.node.ooapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.enrolment.application.OfferingKey;
import nl.mboexchange.node.result.Assessment;
import nl.mboexchange.node.result.Attempt;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.result.NumericGrade;
import nl.mboexchange.node.result.PassFailGrade;
import nl.mboexchange.node.result.ResultScale;

/** Renders an enrolment in OOAPI's terms; the mapping table is in the README. */
final class Associations {

    /** The lowest pass on the scale of 1 to 10, as Dutch schools round it: 5.5 counts as a 6. */
    static final BigDecimal LOWEST_PASS = new BigDecimal("5.5");

    private Associations() {}

    /** The association with {@code person} and {@code offering} as the endpoint gives them. */
    static AssociationBody association(Enrolment enrolment, PersonField person, OfferingField offering) {
        return new AssociationBody(
                enrolment.id().value(),
                AssociationBody.COURSE_OFFERING_ASSOCIATION,
                AssociationBody.STUDENT,
                AssociationState.of(enrolment.status()),
                result(enrolment).orElse(null),
                person,
                offering);
    }

    /**
     * The result that stands: the latest version of the latest attempt that is not revoked. A revocation withdraws
     * its attempt's result, so an earlier attempt's result stands again, and with none left there is no result.
     */
    static Optional<ResultBody> result(Enrolment enrolment) {
        List<Attempt> attempts = enrolment.attempts();
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).latest() instanceof Assessment assessment) {
                return Optional.of(result(assessment, enrolment.course()));
            }
        }
        return Optional.empty();
    }

    static OfferingKey offeringKey(Enrolment enrolment) {
        return OfferingKey.of(enrolment.hostSchool(), enrolment.course().offeringId());
    }

    static OfferingField.Reference offeringReference(Enrolment enrolment) {
        return new OfferingField.Reference(offeringKey(enrolment).value());
    }

    static OfferingField.Full offering(Enrolment enrolment) {
        CourseOffering course = enrolment.course();
        return new OfferingField.Full(
                offeringKey(enrolment).value(),
                new IdentifierEntry("offeringCode", course.offeringId()),
                "course",
                List.of(LanguageTypedString.undetermined(course.title())),
                List.of(LanguageTypedString.undetermined(course.title())),
                "und",
                true,
                resultValueType(course.resultScale()),
                List.of(new IdentifierEntry(
                        "x-keuzedeelcode", course.courseCode().value())),
                course.startDate(),
                course.endDate(),
                Map.of("hostSchool", enrolment.hostSchool().value()));
    }

    static PersonField.Reference personReference(Enrolment enrolment) {
        return new PersonField.Reference(enrolment.student().exchangeId());
    }

    static PersonField.Id personId(Enrolment enrolment) {
        return new PersonField.Id(enrolment.student().exchangeId());
    }

    static PersonField.Full person(Enrolment enrolment) {
        VisitingStudent student = enrolment.student();
        return new PersonField.Full(
                student.exchangeId(),
                new IdentifierEntry("uuid", student.exchangeId().toString()),
                student.givenName(),
                student.familyName(),
                student.displayName(),
                enrolment.status() == EnrolmentStatus.ACCEPTED,
                student.dateOfBirth(),
                List.of(enrolment.role() == EnrolmentRole.HOME ? "student" : "guest"),
                student.email());
    }

    static String resultValueType(ResultScale scale) {
        return switch (scale) {
            case NUMERIC_1_TO_10 -> "1-10";
            case PASS_FAIL -> "pass-or-fail";
        };
    }

    private static ResultBody result(Assessment assessment, CourseOffering course) {
        return new ResultBody(
                assessment.finalResult() ? ResultState.COMPLETED : ResultState.IN_PROGRESS,
                pass(assessment.grade()),
                assessment.correctionReason(),
                score(assessment.grade()),
                assessment.assessedOn(),
                ResultBody.StudyLoad.hours(course.studyLoadHours()));
    }

    private static PassState pass(Grade grade) {
        boolean passed = grade instanceof NumericGrade numeric
                ? numeric.value().compareTo(LOWEST_PASS) >= 0
                : grade == PassFailGrade.PASSED;
        return passed ? PassState.PASSED : PassState.FAILED;
    }

    /** A number as written on the scale of 1 to 10; on the pass/fail scale, the scale's own words. */
    private static String score(Grade grade) {
        if (grade instanceof NumericGrade numeric) {
            return numeric.text();
        }
        return grade == PassFailGrade.PASSED ? "pass" : "fail";
    }
}
