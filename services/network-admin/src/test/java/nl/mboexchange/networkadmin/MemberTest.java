package nl.mboexchange.networkadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A member's record on the members topic. */
class MemberTest {

    @Test
    void a_member_survives_its_record_and_an_unchanged_member_is_an_unchanged_record() {
        Member member = Member.of("25LX", "ROC Lindeloo = Zuid: campus");

        assertThat(Member.fromRecord("25LX", member.toValue())).isEqualTo(member);
        assertThat(member.toValue())
                .isEqualTo(Member.of("25LX", "ROC Lindeloo = Zuid: campus").toValue());
        assertThat(new String(member.toValue(), StandardCharsets.UTF_8)).contains("principal=User\\:node-25LX");
    }

    @Test
    void a_member_without_a_name_is_named_by_its_code() {
        assertThat(Member.of("30GH", null).name()).isEqualTo("30GH");
    }
}
