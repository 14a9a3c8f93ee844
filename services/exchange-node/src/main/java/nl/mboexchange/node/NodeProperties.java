package nl.mboexchange.node;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import nl.mboexchange.node.school.SchoolCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which school this node is ({@code mbo.node.*}).
 *
 * @param schoolCode the institution code of the school that runs this node, e.g. {@code 25LX}
 *     ({@code MBO_NODE_SCHOOL_CODE}); required
 */
@Validated
@ConfigurationProperties("mbo.node")
public record NodeProperties(
        @NotNull @Pattern(regexp = SchoolCode.FORMAT) String schoolCode) {

    public SchoolCode school() {
        return SchoolCode.of(schoolCode);
    }
}
