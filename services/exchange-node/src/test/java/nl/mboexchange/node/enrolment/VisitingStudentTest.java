package nl.mboexchange.node.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.node.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class VisitingStudentTest {

    private static final LocalDate BORN = LocalDate.parse("2006-04-12");

    @Test
    void keeps_a_plausible_date_of_birth_as_it_is() {
        assertThat(student(LocalDate.parse("1900-01-01"), "sanne@example.org").dateOfBirth())
                .isEqualTo("1900-01-01");
    }

    @Test
    void refuses_a_date_of_birth_before_1900() {
        assertThatThrownBy(() -> student(LocalDate.parse("1899-12-31"), "sanne@example.org"))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("dateOfBirth"))
                .hasMessageNotContaining("1899");
    }

    @Test
    void refuses_a_date_of_birth_in_another_millennium() {
        assertThatThrownBy(() -> student(LocalDate.parse("-5000000-01-01"), "sanne@example.org"))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("dateOfBirth"));
        assertThatThrownBy(() -> student(LocalDate.parse("+292269055-12-02"), "sanne@example.org"))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("dateOfBirth"));
    }

    @Test
    void names_the_field_of_a_wrong_e_mail_address_but_not_the_address() {
        assertThatThrownBy(() -> student(BORN, "sanne.devries.example.org"))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("email"))
                .hasMessageNotContaining("sanne");
    }

    private static VisitingStudent student(LocalDate dateOfBirth, String email) {
        return new VisitingStudent(UUID.randomUUID(), "Sanne", "de Vries", dateOfBirth, email);
    }

    @Test
    void a_request_needs_every_field_of_the_student() {
        java.util.UUID id = java.util.UUID.randomUUID();
        assertThatThrownBy(() -> VisitingStudent.of(id, "Sanne", "de Vries", BORN, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("email"));
        assertThatThrownBy(() -> VisitingStudent.of(id, null, "de Vries", BORN, "sanne@example.org"))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("givenName"));
        assertThatThrownBy(() -> VisitingStudent.of(id, "Sanne", "de Vries", null, "sanne@example.org"))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("dateOfBirth"));
    }

    @Test
    void a_student_whose_personal_data_was_removed_keeps_the_exchange_id_and_is_shown_by_it() {
        java.util.UUID id = java.util.UUID.randomUUID();
        VisitingStudent removed = new VisitingStudent(id, null, null, null, null);

        assertThat(removed.displayName()).isEqualTo("student " + id);
        assertThat(new VisitingStudent(id, "Sanne", "de Vries", BORN, null).displayName())
                .isEqualTo("Sanne de Vries");
    }
}
