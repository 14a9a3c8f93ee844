package nl.mboexchange.node.enrolment.application;

import static java.nio.charset.StandardCharsets.UTF_8;
import static nl.mboexchange.node.shared.Require.present;
import static nl.mboexchange.node.shared.Require.text;

import java.util.UUID;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.school.SchoolCode;

/**
 * One course offering across the exchange, as a UUID: the host's own offering id is free text and unique only at
 * that host, while a client that speaks OOAPI names an offering by a UUID. The key is name-based (version 3) on the
 * host school and the host's offering id, so both schools of an enrolment derive the same key, and the database
 * derives it alike to find an offering's enrolments ({@code course_offering_key} in the migrations).
 *
 * @param value the UUID
 */
public record OfferingKey(UUID value) {

    public OfferingKey {
        present(value, "offeringId");
    }

    /** The key of the offering {@code offeringId} of the host school {@code hostSchool}. */
    public static OfferingKey of(SchoolCode hostSchool, String offeringId) {
        present(hostSchool, "hostSchool");
        text(offeringId, "offeringId", CourseOffering.MAX_OFFERING_ID);
        return new OfferingKey(UUID.nameUUIDFromBytes((hostSchool.value() + "/" + offeringId).getBytes(UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
