package nl.mboexchange.node.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SchoolCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"25LX", "30GH", "00AA"})
    void accepts_two_digits_and_two_capital_letters(String code) {
        assertThat(SchoolCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"25lx", "2LXX", "25LX1", "25L", "LX25", " 25LX"})
    void refuses_anything_else(String code) {
        assertThatThrownBy(() -> SchoolCode.of(code))
                .isInstanceOf(InvalidSchoolCode.class)
                .hasMessageContaining("not a school code");
    }
}
