package nl.mboexchange.node.enrolment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.shared.Plausible;

/**
 * The visiting student, minimised: no BSN and no home-school student number.
 *
 * @param exchangeId pseudonymous id of the student, stable per home school
 * @param givenName the given name
 * @param familyName the family name including any prefix
 * @param dateOfBirth the date of birth
 * @param email where the host can reach the student
 */
record StudentBody(
        @NotNull UUID exchangeId,
        @NotBlank @Size(max = VisitingStudent.MAX_NAME) String givenName,
        @NotBlank @Size(max = VisitingStudent.MAX_NAME) String familyName,

        @NotNull @Past @Schema(description = "In the past, and not before " + Plausible.EARLIEST_DATE_TEXT)
        LocalDate dateOfBirth,

        @NotBlank @Email @Size(max = VisitingStudent.MAX_EMAIL)
        String email) {

    static StudentBody of(VisitingStudent student) {
        return new StudentBody(
                student.exchangeId(),
                student.givenName(),
                student.familyName(),
                student.dateOfBirth(),
                student.email());
    }

    VisitingStudent toDomain() {
        return VisitingStudent.of(exchangeId, givenName, familyName, dateOfBirth, email);
    }
}
