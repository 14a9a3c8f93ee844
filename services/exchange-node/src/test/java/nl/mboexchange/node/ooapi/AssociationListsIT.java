package nl.mboexchange.node.ooapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.support.CounterpartSchool;
import org.junit.jupiter.api.Test;

/** A person's and an offering's associations, a page at a time. */
class AssociationListsIT extends OoapiIntegrationTest {

    @Test
    void a_persons_associations_each_carry_their_offering_in_full_ordered_by_id() {
        UUID student = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        ids.add(requestedHere(student, uniqueOffering()));
        String withResult = acceptedByHost(student, uniqueOffering());
        applied(CounterpartSchool.records(EnrolmentId.of(withResult), 1, 1, "8.1", true));
        ids.add(withResult);
        ids.add(requestedHere(UUID.randomUUID(), uniqueOffering()));
        String someoneElse = ids.remove(2);

        Response page = ooapi("/ooapi/v5/persons/" + student + "/associations");

        assertThat(page.status()).isEqualTo(200);
        assertThat((Integer) page.read("$.pageSize")).isEqualTo(10);
        assertThat((Integer) page.read("$.pageNumber")).isEqualTo(1);
        assertThat((Boolean) page.read("$.hasPreviousPage")).isFalse();
        assertThat((Boolean) page.read("$.hasNextPage")).isFalse();
        assertThat((Integer) page.read("$.totalPages")).isEqualTo(1);
        assertThat((List<String>) page.read("$.items[*].associationId"))
                .containsExactlyElementsOf(ids.stream().sorted().toList())
                .doesNotContain(someoneElse);
        assertThat((List<String>) page.read("$.items[*].offering.offeringType")).containsOnly("course");
        assertThat((List<String>) page.read("$.items[?(@.associationId == '" + withResult + "')].result.score"))
                .containsExactly("8.1");
        assertThat((List<Object>) page.read("$.items[*].person")).isEmpty();

        Response descending = ooapi("/ooapi/v5/persons/" + student + "/associations?sort=-associationId");
        assertThat((List<String>) descending.read("$.items[*].associationId"))
                .containsExactlyElementsOf(
                        ids.stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void an_offerings_associations_come_a_page_at_a_time_with_each_students_id() {
        String offering = uniqueOffering();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(requestedOfUs(UUID.randomUUID(), offering, ResultScale.NUMERIC_1_TO_10));
        }
        List<String> sorted = ids.stream().sorted().toList();
        String offeringId = ooapi("/ooapi/v5/associations/" + ids.get(0)).read("$.offering");

        Response first = ooapi("/ooapi/v5/offerings/" + offeringId + "/associations");
        assertThat((List<String>) first.read("$.items[*].associationId"))
                .containsExactlyElementsOf(sorted.subList(0, 10));
        assertThat((Boolean) first.read("$.hasPreviousPage")).isFalse();
        assertThat((Boolean) first.read("$.hasNextPage")).isTrue();
        assertThat((Integer) first.read("$.totalPages")).isEqualTo(2);
        assertThat((List<String>) first.read("$.items[*].person.personId")).hasSize(10);
        assertThat((List<Object>) first.read("$.items[*].offering")).isEmpty();

        Response second = ooapi("/ooapi/v5/offerings/" + offeringId + "/associations?pageSize=10&pageNumber=2");
        assertThat((List<String>) second.read("$.items[*].associationId"))
                .containsExactlyElementsOf(sorted.subList(10, 12));
        assertThat((Integer) second.read("$.pageNumber")).isEqualTo(2);
        assertThat((Boolean) second.read("$.hasPreviousPage")).isTrue();
        assertThat((Boolean) second.read("$.hasNextPage")).isFalse();

        Response beyond = ooapi("/ooapi/v5/offerings/" + offeringId + "/associations?pageNumber=3");
        assertThat((List<Object>) beyond.read("$.items")).isEmpty();
        assertThat((Boolean) beyond.read("$.hasPreviousPage")).isTrue();

        Response all = ooapi("/ooapi/v5/offerings/" + offeringId + "/associations?pageSize=250");
        assertThat((List<String>) all.read("$.items[*].associationId")).containsExactlyElementsOf(sorted);
    }

    @Test
    void only_student_course_associations_exist_so_other_roles_and_types_match_none() {
        UUID student = UUID.randomUUID();
        String id = requestedHere(student, uniqueOffering());
        String person = "/ooapi/v5/persons/" + student + "/associations";

        assertThat((List<String>) ooapi(person + "?role=student&associationType=courseOffering")
                        .read("$.items[*].associationId"))
                .containsExactly(id);
        assertThat((List<Object>) ooapi(person + "?role=lecturer").read("$.items"))
                .isEmpty();
        assertThat((List<Object>)
                        ooapi(person + "?associationType=programOffering").read("$.items"))
                .isEmpty();
    }

    @Test
    void state_filters_an_offerings_associations_as_the_mapping_gives_it() {
        String offering = uniqueOffering();
        String pending = requestedOfUs(UUID.randomUUID(), offering, ResultScale.NUMERIC_1_TO_10);
        String accepted = requestedOfUs(UUID.randomUUID(), offering, ResultScale.NUMERIC_1_TO_10);
        command("/api/v1/enrolments/" + accepted + "/accept", "{}");
        String completed = requestedOfUs(UUID.randomUUID(), offering, ResultScale.NUMERIC_1_TO_10);
        command("/api/v1/enrolments/" + completed + "/accept", "{}");
        command("/api/v1/enrolments/" + completed + "/results", """
                {"attempt": 1, "grade": "7.0", "finalResult": true, "assessedOn": "2026-01-20"}""");
        applied(CounterpartSchool.acknowledges(EnrolmentId.of(completed), resultEventId(completed), 1, 1));
        assertThat((String) read(get("/api/v1/enrolments/" + completed), "$.status"))
                .isEqualTo("COMPLETED");
        String denied = requestedOfUs(UUID.randomUUID(), offering, ResultScale.NUMERIC_1_TO_10);
        command("/api/v1/enrolments/" + denied + "/reject", """
                {"reasonCode": "COURSE_FULL", "reasonText": "no seats left"}""");
        String offeringId = ooapi("/ooapi/v5/associations/" + pending).read("$.offering");
        String list = "/ooapi/v5/offerings/" + offeringId + "/associations?state=";

        assertThat((List<String>) ooapi(list + "associated").read("$.items[*].associationId"))
                .containsExactlyInAnyOrder(accepted, completed);
        assertThat((List<String>) ooapi(list + "pending").read("$.items[*].associationId"))
                .containsExactly(pending);
        assertThat((List<String>) ooapi(list + "denied").read("$.items[*].associationId"))
                .containsExactly(denied);
        Response none = ooapi(list + "canceled");
        assertThat((List<Object>) none.read("$.items")).isEmpty();
        assertThat((Integer) none.read("$.totalPages")).isZero();
        assertThat((List<Object>) ooapi(list + "queued").read("$.items")).isEmpty();
    }

    /** The event id of the first version of attempt 1, which a receipt names, from the registrar's API. */
    private UUID resultEventId(String id) {
        return UUID.fromString(read(get("/api/v1/enrolments/" + id), "$.results[0].versions[0].eventId"));
    }
}
