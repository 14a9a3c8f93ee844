package nl.mboexchange.node.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GradeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "7.5", "10.0", "PASSED", "FAILED"})
    void takes_as_input_a_grade_written_as_it_comes_back(String text) {
        assertThat(Grade.canonical(text).text()).isEqualTo(text);
        assertThat(text).matches(Grade.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "08.0", "10", "5.50", "+7.5", " 7.5", "7.5 ", "1e1", "0.9", "10.1", "passed"})
    void refuses_as_input_a_grade_not_written_as_it_comes_back(String text) {
        assertThatThrownBy(() -> Grade.canonical(text))
                .isInstanceOf(InvalidGrade.class)
                .extracting("field")
                .isEqualTo("grade");
        assertThat(text).doesNotMatch(Grade.FORMAT);
    }

    @ParameterizedTest
    @CsvSource({"7.5,7.5", "8,8.0", "1.0,1.0", "10.0,10.0", "10,10.0", "5.50,5.5"})
    void reads_a_number_from_1_to_10_with_one_decimal(String text, String expected) {
        assertThat(Grade.parse(text)).isInstanceOf(NumericGrade.class);
        assertThat(Grade.parse(text).text()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.9", "10.1", "-3", "11", "7.25", "abc", "passed", "7,5"})
    void refuses_a_number_off_the_scale_or_with_two_decimals_or_garbage(String text) {
        assertThatThrownBy(() -> Grade.parse(text))
                .isInstanceOf(InvalidGrade.class)
                .extracting("field")
                .isEqualTo("grade");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refuses_no_grade(String text) {
        assertThatThrownBy(() -> Grade.parse(text)).isInstanceOf(InvalidGrade.class);
    }

    @Test
    void reads_passed_and_failed() {
        assertThat(Grade.parse("PASSED")).isEqualTo(PassFailGrade.PASSED);
        assertThat(Grade.parse("FAILED")).isEqualTo(PassFailGrade.FAILED);
    }

    @Test
    void equal_grades_are_equal_whatever_their_decimals() {
        assertThat(NumericGrade.of("8")).isEqualTo(NumericGrade.of("8.0"));
    }

    @Test
    void each_scale_accepts_only_its_own_grades() {
        assertThat(ResultScale.NUMERIC_1_TO_10.accepts(NumericGrade.of("6.0"))).isTrue();
        assertThat(ResultScale.NUMERIC_1_TO_10.accepts(PassFailGrade.PASSED)).isFalse();
        assertThat(ResultScale.PASS_FAIL.accepts(PassFailGrade.FAILED)).isTrue();
        assertThat(ResultScale.PASS_FAIL.accepts(NumericGrade.of("6.0"))).isFalse();
    }

    @Test
    void a_scale_refuses_a_grade_of_the_other_scale() {
        assertThatThrownBy(() -> ResultScale.PASS_FAIL.check(NumericGrade.of("6.0")))
                .isInstanceOf(InvalidGrade.class)
                .hasMessageContaining("PASS_FAIL");
    }
}
