package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;
import static nl.mboexchange.node.shared.Require.text;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.mboexchange.node.shared.InvalidValue;
import nl.mboexchange.node.shared.Plausible;

/**
 * The student as the host sees them: only what it needs to admit them. No BSN and no home-school student number.
 * A student arrives with every field ({@link #of}); once the enrolment has been closed for the retention period, its
 * contact data and then its name and date of birth are removed, and only the exchange id (a pseudonym) remains. The
 * home school's erasure on request removes them all at once ({@link #erased}).
 *
 * @param exchangeId pseudonymous id of the student, stable per home school
 * @param givenName the given name; null once removed
 * @param familyName the family name including any prefix, e.g. {@code de Vries}; null once removed
 * @param dateOfBirth the date of birth, within the {@link Plausible} dates; null once removed
 * @param email where the host can reach the student; null once removed
 */
public record VisitingStudent(
        UUID exchangeId, String givenName, String familyName, LocalDate dateOfBirth, String email) {

    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public VisitingStudent {
        present(exchangeId, "exchangeId");
        if (givenName != null) {
            text(givenName, "givenName", MAX_NAME);
        }
        if (familyName != null) {
            text(familyName, "familyName", MAX_NAME);
        }
        if (dateOfBirth != null) {
            Plausible.date(dateOfBirth, "dateOfBirth");
        }
        if (email != null) {
            email(email);
        }
    }

    /** A student as a request brings them: every field is required. */
    public static VisitingStudent of(
            UUID exchangeId, String givenName, String familyName, LocalDate dateOfBirth, String email) {
        text(givenName, "givenName", MAX_NAME);
        text(familyName, "familyName", MAX_NAME);
        present(dateOfBirth, "dateOfBirth");
        text(email, "email", MAX_EMAIL);
        return new VisitingStudent(exchangeId, givenName, familyName, dateOfBirth, email);
    }

    /** The student without their personal data: only the exchange id, a pseudonym, remains. */
    public VisitingStudent erased() {
        return new VisitingStudent(exchangeId, null, null, null, null);
    }

    /** The name to show: given and family name, or once they are removed, the exchange id. */
    public String displayName() {
        return givenName == null || familyName == null ? "student " + exchangeId : givenName + " " + familyName;
    }

    /** The e-mail address is present, not too long and of the form {@code name@domain}. */
    public static String email(String email) {
        text(email, "email", MAX_EMAIL);
        if (!EMAIL.matcher(email).matches()) {
            // The address stays out of the message: it is personal data, and messages end up in logs.
            throw new InvalidValue("email", "email is not an e-mail address (name@domain)");
        }
        return email;
    }
}
