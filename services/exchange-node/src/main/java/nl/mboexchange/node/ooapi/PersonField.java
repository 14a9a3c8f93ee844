package nl.mboexchange.node.ooapi;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The {@code person} of an association, in one of the three forms OOAPI gives it. */
sealed interface PersonField {

    /**
     * The person's id alone, as a string: an association's {@code person} when it is not expanded.
     *
     * @param personId the student's exchange id
     */
    record Reference(@JsonValue UUID personId) implements PersonField {}

    /**
     * An object with only the person's id: the {@code person} of an item in an offering's list of associations.
     *
     * @param personId the student's exchange id
     */
    record Id(UUID personId) implements PersonField {}

    /**
     * OOAPI's {@code Person}: what the exchange knows of the student, with {@code expand=person}.
     *
     * @param personId the student's exchange id
     * @param primaryCode the exchange id again, as the person's code
     * @param givenName the given name
     * @param surname the family name, including any prefix: the exchange does not keep the prefix apart
     * @param displayName given and family name
     * @param activeEnrollment whether the student follows the course now (the enrolment is accepted)
     * @param dateOfBirth the date of birth
     * @param affiliations {@code student} at the home school, {@code guest} at the host
     * @param mail the student's e-mail address
     */
    record Full(
            UUID personId,
            IdentifierEntry primaryCode,
            String givenName,
            String surname,
            String displayName,
            boolean activeEnrollment,
            LocalDate dateOfBirth,
            List<String> affiliations,
            String mail)
            implements PersonField {

        public Full {
            affiliations = List.copyOf(affiliations);
        }
    }
}
