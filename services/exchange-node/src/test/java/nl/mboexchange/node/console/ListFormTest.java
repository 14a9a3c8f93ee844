package nl.mboexchange.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.application.EnrolmentFilter;
import org.junit.jupiter.api.Test;

class ListFormTest {

    @Test
    void an_empty_form_lists_everything_from_the_first_page() {
        ListForm form = new ListForm(null, "", " ", null, null);

        assertThat(form.filter()).isEqualTo(EnrolmentFilter.all());
        assertThat(form.pageNumber()).isZero();
    }

    @Test
    void the_filters_become_the_query_of_the_application_service() {
        UUID student = UUID.randomUUID();
        ListForm form = new ListForm("incoming", "ACCEPTED", "k0080 ", student.toString(), "2");

        assertThat(form.filter())
                .isEqualTo(new EnrolmentFilter(
                        EnrolmentRole.HOST, EnrolmentStatus.ACCEPTED, student, CourseCode.of("K0080")));
        assertThat(form.pageNumber()).isEqualTo(2);
        assertThat(new ListForm("outgoing", null, null, null, null).filter().role())
                .isEqualTo(EnrolmentRole.HOME);
    }

    @Test
    void another_page_keeps_the_filters_and_leaves_out_the_empty_ones() {
        ListForm form = new ListForm("outgoing", "", "K0080", null, "0");

        assertThat(form.at(1)).isEqualTo("/?direction=outgoing&course=K0080&page=1");
        assertThat(new ListForm(null, null, null, null, null).at(0)).isEqualTo("/?page=0");
    }
}
