package nl.mboexchange.node.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CourseCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"K0080", "K1234", "K9999"})
    void accepts_an_sbb_keuzedeel_code(String code) {
        assertThat(CourseCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"k0080", "K008", "K00800", "X0080", "K00A0", "0080"})
    void refuses_anything_else(String code) {
        assertThatThrownBy(() -> CourseCode.of(code))
                .isInstanceOf(InvalidCourseCode.class)
                .extracting("field")
                .isEqualTo("courseCode");
    }
}
