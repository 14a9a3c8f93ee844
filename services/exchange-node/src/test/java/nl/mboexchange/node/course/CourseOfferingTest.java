package nl.mboexchange.node.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class CourseOfferingTest {

    private static final LocalDate START = LocalDate.parse("2025-09-01");

    @Test
    void refuses_an_end_before_the_start() {
        assertThatThrownBy(() -> offering("Ondernemerschap", 240, START.minusDays(1)))
                .isInstanceOf(InvalidValue.class)
                .extracting("field")
                .isEqualTo("endDate");
    }

    @Test
    void refuses_a_study_load_of_zero_hours() {
        assertThatThrownBy(() -> offering("Ondernemerschap", 0, START))
                .isInstanceOf(InvalidValue.class)
                .extracting("field")
                .isEqualTo("studyLoadHours");
    }

    @Test
    void refuses_a_blank_title() {
        assertThatThrownBy(() -> offering(" ", 240, START))
                .isInstanceOf(InvalidValue.class)
                .extracting("field")
                .isEqualTo("title");
    }

    @Test
    void refuses_an_end_date_past_2199_naming_the_field() {
        assertThatThrownBy(() -> offering("Ondernemerschap", 240, LocalDate.parse("+5874898-01-01")))
                .isInstanceOf(InvalidValue.class)
                .extracting("field")
                .isEqualTo("endDate");
    }

    @Test
    void refuses_a_start_date_before_1900_naming_the_field() {
        assertThatThrownBy(() -> new CourseOffering(
                        CourseCode.of("K0080"),
                        "2025-P1-A",
                        "Ondernemerschap",
                        240,
                        LocalDate.parse("1899-12-31"),
                        START,
                        ResultScale.NUMERIC_1_TO_10))
                .isInstanceOf(InvalidValue.class)
                .extracting("field")
                .isEqualTo("startDate");
    }

    @Test
    void keeps_the_last_plausible_end_date_as_it_is() {
        assertThat(offering("Ondernemerschap", 240, LocalDate.parse("2199-12-31"))
                        .endDate())
                .isEqualTo("2199-12-31");
    }

    private static CourseOffering offering(String title, int hours, LocalDate end) {
        return new CourseOffering(
                CourseCode.of("K0080"), "2025-P1-A", title, hours, START, end, ResultScale.NUMERIC_1_TO_10);
    }
}
