package nl.mboexchange.node.ooapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.RegistrationRequested;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.enrolment.application.EventOutcome;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.NodeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The OOAPI view of node 25LX, on the shared node of the integration tests. Every OOAPI response a test reads goes
 * through {@link #ooapi}, which checks it against the OOAPI v5 specification first. Each test makes enrolments of its
 * own students and offerings, so that the lists it reads hold only what it made.
 */
abstract class OoapiIntegrationTest extends NodeIntegrationTest {

    private static final Pattern ASSOCIATION = Pattern.compile("/ooapi/v5/associations/[^/?]*");
    private static final Pattern PERSON_ASSOCIATIONS = Pattern.compile("/ooapi/v5/persons/[^/?]*/associations");
    private static final Pattern OFFERING_ASSOCIATIONS = Pattern.compile("/ooapi/v5/offerings/[^/?]*/associations");

    @BeforeEach
    void specificationAtHand() {
        OoapiSpec.requirePresent();
    }

    /** GETs an OOAPI resource as a registrar; the response is valid by the specification, or the test fails. */
    protected Response ooapi(String uri) {
        return ooapi(uri, httpBasic(REGISTRAR, PASSWORD));
    }

    /** GETs an OOAPI resource with the given authentication, or none; checked like {@link #ooapi(String)}. */
    protected Response ooapi(String uri, RequestPostProcessor authentication) {
        var request = mvc.get().uri(uri);
        MvcTestResult result = (authentication == null ? request : request.with(authentication)).exchange();
        Response response = Response.of(result);
        assertThat(OoapiSpec.narrowedToCourses()
                        .problems(specificationPath(uri), response.status(), response.contentType(), response.body()))
                .as("GET %s answered %d %s", uri, response.status(), response.body())
                .isEmpty();
        return response;
    }

    /**
     * Sends another method than GET to an OOAPI path, or GET to a path the view does not serve, as a registrar; the
     * answer must be a problem as the specification gives it.
     */
    protected Response ooapiProblem(HttpMethod method, String uri) {
        MvcTestResult result =
                mvc.method(method).uri(uri).with(httpBasic(REGISTRAR, PASSWORD)).exchange();
        Response response = Response.of(result);
        assertThat(OoapiSpec.narrowedToCourses().problemsOfProblem(response.contentType(), response.body()))
                .as("%s %s answered %d %s", method, uri, response.status(), response.body())
                .isEmpty();
        return response;
    }

    /** The home school here asks 30GH to enrol a student in an offering; returns the enrolment id. */
    protected String requestedHere(UUID student, String offeringId) {
        MvcTestResult requested = post("/api/v1/enrolments", """
                {"hostSchool": "30GH",
                 "student": {"exchangeId": "%s", "givenName": "Sanne", "familyName": "de Vries",
                             "dateOfBirth": "2006-04-12", "email": "sanne.devries@example.org"},
                 "course": {"courseCode": "K0080", "offeringId": "%s", "title": "Ondernemend gedrag",
                            "studyLoadHours": 240, "startDate": "2026-02-02", "endDate": "2026-06-26",
                            "resultScale": "NUMERIC_1_TO_10"}}
                """.formatted(student, offeringId));
        assertThat(requested).hasStatus(HttpStatus.CREATED);
        return read(requested, "$.id");
    }

    /** As {@link #requestedHere}, and 30GH has accepted. */
    protected String acceptedByHost(UUID student, String offeringId) {
        String id = requestedHere(student, offeringId);
        applied(CounterpartSchool.accepts(EnrolmentId.of(id)));
        return id;
    }

    /** School 30GH, as home school, asks this node to host its student in an offering here. */
    protected String requestedOfUs(UUID student, String offeringId, ResultScale scale) {
        EnrolmentId id = EnrolmentId.random();
        applied(new RegistrationRequested(
                CounterpartSchool.header(id),
                new VisitingStudent(student, "Daan", "Jansen", LocalDate.parse("2005-11-03"), "daan@example.org"),
                new CourseOffering(
                        CourseCode.of("K0123"),
                        offeringId,
                        "Webshop bouwen",
                        160,
                        LocalDate.parse("2025-11-10"),
                        LocalDate.parse("2026-01-30"),
                        scale)));
        return id.toString();
    }

    /** Hands events of school 30GH to the node, and checks that it applied each. */
    protected void applied(nl.mboexchange.node.enrolment.ExchangeEvent... events) {
        assertThat(incoming.apply(List.of(events)))
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(EventOutcome.Applied.class));
    }

    /** A registrar's command on the REST API, which must succeed. */
    protected void command(String path, String json) {
        assertThat(post(path, json)).hasStatus2xxSuccessful();
    }

    protected static String uniqueOffering() {
        return "2026-P3-" + UUID.randomUUID();
    }

    private static String specificationPath(String uri) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        if (ASSOCIATION.matcher(path).matches()) {
            return "/associations/{associationId}";
        }
        if (PERSON_ASSOCIATIONS.matcher(path).matches()) {
            return "/persons/{personId}/associations";
        }
        if (OFFERING_ASSOCIATIONS.matcher(path).matches()) {
            return "/offerings/{offeringId}/associations";
        }
        throw new IllegalArgumentException(uri + " is none of the OOAPI endpoints of this node");
    }

    /** An OOAPI response. */
    protected record Response(int status, String contentType, String body) {

        static Response of(MvcTestResult result) {
            try {
                return new Response(
                        result.getResponse().getStatus(),
                        result.getResponse().getContentType(),
                        result.getResponse().getContentAsString());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        <T> T read(String jsonPath) {
            return JsonPath.read(body, jsonPath);
        }

        /** The names of the properties of the object at {@code jsonPath}. */
        java.util.Set<String> properties(String jsonPath) {
            java.util.Map<String, Object> object = JsonPath.read(body, jsonPath);
            return object.keySet();
        }
    }
}
