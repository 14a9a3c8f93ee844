package nl.mboexchange.node.ooapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.application.OfferingKey;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.support.CounterpartSchool;
import org.junit.jupiter.api.Test;

/** One enrolment as an OOAPI association, through its lifecycle and with its results. */
class AssociationIT extends OoapiIntegrationTest {

    @Test
    void a_requested_enrolment_is_a_pending_student_association_without_a_result() {
        UUID student = UUID.randomUUID();
        String offering = uniqueOffering();
        String id = requestedHere(student, offering);

        Response association = ooapi("/ooapi/v5/associations/" + id);

        assertThat(association.status()).isEqualTo(200);
        assertThat(association.properties("$"))
                .containsExactlyInAnyOrder("associationId", "associationType", "role", "state", "person", "offering");
        assertThat((String) association.read("$.associationId")).isEqualTo(id);
        assertThat((String) association.read("$.associationType")).isEqualTo("courseOfferingAssociation");
        assertThat((String) association.read("$.role")).isEqualTo("student");
        assertThat((String) association.read("$.state")).isEqualTo("pending");
        assertThat((String) association.read("$.person")).isEqualTo(student.toString());
        assertThat((String) association.read("$.offering"))
                .isEqualTo(OfferingKey.of(SchoolCode.of("30GH"), offering).toString());
    }

    @Test
    void a_provisional_result_recorded_here_as_host_is_in_progress() {
        String id = requestedOfUs(UUID.randomUUID(), uniqueOffering(), ResultScale.NUMERIC_1_TO_10);
        command("/api/v1/enrolments/" + id + "/accept", "{}");
        command("/api/v1/enrolments/" + id + "/results", """
                {"attempt": 1, "grade": "6.8", "finalResult": false, "assessedOn": "2026-01-20"}""");

        Response association = ooapi("/ooapi/v5/associations/" + id);

        assertThat((String) association.read("$.state")).isEqualTo("associated");
        Map<String, Object> result = association.read("$.result");
        assertThat(result)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "state", "in progress",
                        "pass", "passed",
                        "score", "6.8",
                        "resultDate", "2026-01-20",
                        "studyLoad", Map.of("studyLoadUnit", "sbu", "value", 160)));
    }

    @Test
    void a_corrected_final_result_shows_its_latest_version_and_why_it_was_corrected() {
        String id = acceptedByHost(UUID.randomUUID(), uniqueOffering());
        EnrolmentId enrolment = EnrolmentId.of(id);
        applied(CounterpartSchool.records(enrolment, 1, 1, "5.0", false));
        assertThat((String) ooapi("/ooapi/v5/associations/" + id).read("$.result.pass"))
                .isEqualTo("failed");

        applied(CounterpartSchool.records(enrolment, 1, 2, "7.2", true));
        Response association = ooapi("/ooapi/v5/associations/" + id);

        // Completed here: the final result was acknowledged. OOAPI has no state for that but the result's own.
        assertThat((String) association.read("$.state")).isEqualTo("associated");
        assertThat((String) association.read("$.result.state")).isEqualTo("completed");
        assertThat((String) association.read("$.result.score")).isEqualTo("7.2");
        assertThat((String) association.read("$.result.pass")).isEqualTo("passed");
        assertThat((String) association.read("$.result.comment")).isEqualTo("marked again");
        assertThat((String) association.read("$.result.resultDate")).isEqualTo("2026-01-20");
        assertThat((Integer) association.read("$.result.studyLoad.value")).isEqualTo(240);
    }

    @Test
    void a_revoked_result_leaves_no_result_and_an_earlier_attempt_stands_again() {
        String id = acceptedByHost(UUID.randomUUID(), uniqueOffering());
        EnrolmentId enrolment = EnrolmentId.of(id);
        applied(CounterpartSchool.records(enrolment, 1, 1, "6.0", false));
        applied(CounterpartSchool.revokes(enrolment, 1, 2));

        Response revoked = ooapi("/ooapi/v5/associations/" + id);
        assertThat((String) revoked.read("$.state")).isEqualTo("associated");
        assertThat(revoked.properties("$")).doesNotContain("result");

        applied(CounterpartSchool.records(enrolment, 2, 1, "4.5", false));
        applied(CounterpartSchool.records(enrolment, 3, 1, "8.0", false));
        applied(CounterpartSchool.revokes(enrolment, 3, 2));
        Response secondStands = ooapi("/ooapi/v5/associations/" + id);
        assertThat((String) secondStands.read("$.result.score")).isEqualTo("4.5");
        assertThat((String) secondStands.read("$.result.pass")).isEqualTo("failed");
    }

    @Test
    void a_pass_fail_result_is_scored_on_the_pass_or_fail_value_type() {
        String offering = uniqueOffering();
        String id = requestedOfUs(UUID.randomUUID(), offering, ResultScale.PASS_FAIL);
        command("/api/v1/enrolments/" + id + "/accept", "{}");
        command("/api/v1/enrolments/" + id + "/results", """
                {"attempt": 1, "grade": "FAILED", "finalResult": true, "assessedOn": "2026-01-22"}""");

        Response association = ooapi("/ooapi/v5/associations/" + id + "?expand=offering");

        assertThat((String) association.read("$.offering.resultValueType")).isEqualTo("pass-or-fail");
        assertThat((String) association.read("$.result.score")).isEqualTo("fail");
        assertThat((String) association.read("$.result.pass")).isEqualTo("failed");
        assertThat((String) association.read("$.result.state")).isEqualTo("completed");
    }

    @Test
    void a_rejected_enrolment_is_denied_and_a_withdrawn_one_canceled() {
        String rejected = requestedHere(UUID.randomUUID(), uniqueOffering());
        applied(CounterpartSchool.rejects(EnrolmentId.of(rejected)));
        String withdrawn = acceptedByHost(UUID.randomUUID(), uniqueOffering());
        command("/api/v1/enrolments/" + withdrawn + "/withdraw", "{\"reason\": \"moved\"}");

        assertThat((String) ooapi("/ooapi/v5/associations/" + rejected).read("$.state"))
                .isEqualTo("denied");
        assertThat((String) ooapi("/ooapi/v5/associations/" + withdrawn).read("$.state"))
                .isEqualTo("canceled");
    }

    @Test
    void expand_gives_the_student_and_the_offering_in_full() {
        UUID student = UUID.randomUUID();
        String offering = uniqueOffering();
        String id = acceptedByHost(student, offering);

        Response association = ooapi("/ooapi/v5/associations/" + id + "?expand=person,offering");

        Map<String, Object> person = association.read("$.person");
        assertThat(person)
                .containsEntry("personId", student.toString())
                .containsEntry("primaryCode", Map.of("codeType", "uuid", "code", student.toString()))
                .containsEntry("givenName", "Sanne")
                .containsEntry("surname", "de Vries")
                .containsEntry("displayName", "Sanne de Vries")
                .containsEntry("dateOfBirth", "2006-04-12")
                .containsEntry("mail", "sanne.devries@example.org")
                .containsEntry("affiliations", List.of("student"))
                .containsEntry("activeEnrollment", true);
        Map<String, Object> course = association.read("$.offering");
        assertThat(course)
                .containsEntry(
                        "offeringId",
                        OfferingKey.of(SchoolCode.of("30GH"), offering).toString())
                .containsEntry("primaryCode", Map.of("codeType", "offeringCode", "code", offering))
                .containsEntry("offeringType", "course")
                .containsEntry("name", List.of(Map.of("language", "und", "value", "Ondernemend gedrag")))
                .containsEntry("teachingLanguage", "und")
                .containsEntry("resultExpected", true)
                .containsEntry("resultValueType", "1-10")
                .containsEntry("otherCodes", List.of(Map.of("codeType", "x-keuzedeelcode", "code", "K0080")))
                .containsEntry("startDate", "2026-02-02")
                .containsEntry("endDate", "2026-06-26")
                .containsEntry("ext", Map.of("hostSchool", "30GH"));

        assertThat((String)
                        ooapi("/ooapi/v5/associations/" + id + "?expand=person").read("$.offering"))
                .isEqualTo(course.get("offeringId"));
    }

    @Test
    void a_visiting_student_is_a_guest_here_as_host() {
        UUID student = UUID.randomUUID();
        String id = requestedOfUs(student, uniqueOffering(), ResultScale.NUMERIC_1_TO_10);

        Response association = ooapi("/ooapi/v5/associations/" + id + "?expand=person");

        assertThat((List<String>) association.read("$.person.affiliations")).containsExactly("guest");
        assertThat((Boolean) association.read("$.person.activeEnrollment")).isFalse();
        assertThat((String) association.read("$.person.surname")).isEqualTo("Jansen");
    }
}
