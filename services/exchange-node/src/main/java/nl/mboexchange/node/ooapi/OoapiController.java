package nl.mboexchange.node.ooapi;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.application.EnrolmentFilter;
import nl.mboexchange.node.enrolment.application.EnrolmentQueries;
import nl.mboexchange.node.enrolment.application.EnrolmentsInFull;
import nl.mboexchange.node.enrolment.application.OfferingKey;
import nl.mboexchange.node.shared.InvalidValue;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OOAPI v5 endpoints on associations that the exchange can fill. Their contract is OOAPI's own specification, so
 * they stay out of this node's OpenAPI document, which describes {@code /api/v1}.
 */
@Hidden
@RestController
@RequestMapping(path = "/ooapi/v5", produces = MediaType.APPLICATION_JSON_VALUE)
class OoapiController {

    private static final Set<String> EXPANSIONS = Set.of("person", "offering");
    // Lists, so that an error message names them in OOAPI's order.
    private static final List<String> ASSOCIATION_TYPES =
            List.of("programOffering", "courseOffering", "componentOffering");
    private static final List<String> ROLES =
            List.of("student", "lecturer", "teaching assistant", "coordinator", "guest");

    private final EnrolmentQueries queries;

    OoapiController(EnrolmentQueries queries) {
        this.queries = queries;
    }

    /** One enrolment; {@code expand=person,offering} gives the student and the offering in full instead of ids. */
    @GetMapping("/associations/{associationId}")
    AssociationBody association(@PathVariable UUID associationId, @RequestParam(required = false) List<String> expand) {
        Set<String> expanded = expansions(expand);
        Enrolment enrolment = queries.get(new EnrolmentId(associationId)).enrolment();
        return Associations.association(
                enrolment,
                expanded.contains("person") ? Associations.person(enrolment) : Associations.personReference(enrolment),
                expanded.contains("offering")
                        ? Associations.offering(enrolment)
                        : Associations.offeringReference(enrolment));
    }

    /** The student's enrolments on this node, each with its offering in full, as OOAPI gives this list. */
    @GetMapping("/persons/{personId}/associations")
    AssociationPage personAssociations(
            @PathVariable UUID personId,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) Integer pageNumber,
            @RequestParam(required = false) String associationType,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String state,
            @RequestParam(name = "result-state", required = false) String resultState,
            @RequestParam(required = false) List<String> sort) {
        return page(
                EnrolmentFilter.ofStudent(personId),
                "person " + personId,
                ListRequest.of(PageRequest.of(pageSize, pageNumber, sort), associationType, role, state, resultState),
                enrolment -> Associations.association(enrolment, null, Associations.offering(enrolment)));
    }

    /** The enrolments in one course offering on this node, each with its student's id. */
    @GetMapping("/offerings/{offeringId}/associations")
    AssociationPage offeringAssociations(
            @PathVariable UUID offeringId,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) Integer pageNumber,
            @RequestParam(required = false) String associationType,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String state,
            @RequestParam(name = "result-state", required = false) String resultState,
            @RequestParam(required = false) List<String> sort) {
        return page(
                EnrolmentFilter.inOffering(new OfferingKey(offeringId)),
                "offering " + offeringId,
                ListRequest.of(PageRequest.of(pageSize, pageNumber, sort), associationType, role, state, resultState),
                enrolment -> Associations.association(enrolment, Associations.personId(enrolment), null));
    }

    /**
     * One page of the list. A person or offering exists on this node through its enrolments only, so one without any
     * is unknown (404); a filter that no enrolment can match gives an empty page of a known one.
     */
    private AssociationPage page(
            EnrolmentFilter filter, String subject, ListRequest request, Function<Enrolment, AssociationBody> render) {
        PageRequest paging = request.paging();
        EnrolmentsInFull found = request.matchesNone()
                ? new EnrolmentsInFull(List.of(), paging.pageIndex(), paging.pageSize(), 0)
                : queries.listInFull(
                        filter.inStatuses(request.statuses()), paging.order(), paging.pageIndex(), paging.pageSize());
        if (found.totalItems() == 0 && !exists(filter)) {
            throw new NotOnThisNode(subject);
        }
        return new AssociationPage(
                paging.pageSize(),
                paging.pageNumber(),
                paging.pageNumber() > 1,
                paging.pageNumber() < found.totalPages(),
                found.totalPages(),
                found.items().stream().map(render).toList());
    }

    private boolean exists(EnrolmentFilter filter) {
        return queries.list(filter, 0, 1).totalItems() > 0;
    }

    private static Set<String> expansions(List<String> expand) {
        if (expand == null) {
            return Set.of();
        }
        for (String expansion : expand) {
            if (!EXPANSIONS.contains(expansion)) {
                throw new InvalidValue("expand", "expand takes person and offering, not '" + expansion + "'");
            }
        }
        return Set.copyOf(expand);
    }

    /**
     * The filters of a list request. Every association here is a course offering's with role student, so another
     * type or role matches none, and so does state {@code queued}; the result's state is not a filter this node offers.
     */
    private record ListRequest(PageRequest paging, String associationType, String role, AssociationState state) {

        static ListRequest of(
                PageRequest paging, String associationType, String role, String state, String resultState) {
            if (associationType != null && !ASSOCIATION_TYPES.contains(associationType)) {
                throw new InvalidValue(
                        "associationType",
                        "associationType must be one of " + ASSOCIATION_TYPES + ", not '" + associationType + "'");
            }
            if (role != null && !ROLES.contains(role)) {
                throw new InvalidValue("role", "role must be one of " + ROLES + ", not '" + role + "'");
            }
            if (resultState != null) {
                throw new InvalidValue("result-state", "this node does not filter associations by result state");
            }
            return new ListRequest(
                    paging, associationType, role, state == null ? null : AssociationState.parse(state, "state"));
        }

        /** The statuses of the state asked for; empty for any. */
        Set<EnrolmentStatus> statuses() {
            return state == null ? Set.of() : state.statuses();
        }

        boolean matchesNone() {
            return (associationType != null && !associationType.equals("courseOffering"))
                    || (role != null && !role.equals(AssociationBody.STUDENT))
                    || (state != null && state.statuses().isEmpty());
        }
    }
}
