package nl.mboexchange.node.privacy;

import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.exchange.RegistrationRequested;
import nl.mboexchange.node.sis.SchoolSis;
import nl.mboexchange.node.sis.SisCommandFixture;
import nl.mboexchange.node.support.CapturedLogs;
import nl.mboexchange.node.support.PartnerEvents;
import nl.mboexchange.node.support.Requests;
import nl.mboexchange.node.support.Requests.Student;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.TwoSchools;
import nl.mboexchange.node.support.Wire;
import nl.mboexchange.sis.CommandRejected;
import nl.mboexchange.sis.EnrolmentUpdate;
import nl.mboexchange.sis.RejectEnrolment;
import nl.mboexchange.sis.RequestEnrolment;
import nl.mboexchange.sis.command.RejectionReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logs carry ids, never a student's name, date of birth or e-mail address. Two schools run the whole lifecycle with
 * recognisable personal values, through the REST API and the SIS commands, with refusals and dead letters on the
 * way, and end with the student's erasure at both schools; every line any logger writes (the node's own at DEBUG) is
 * searched for those values.
 */
class NoPersonalDataInLogsIT {

    static final String HOME = TwoSchools.HOME;
    static final String HOST = TwoSchools.HOST;
    static final String TO_HOST = TOPIC_PREFIX + "exchange." + HOME + "." + HOST;

    static final String GIVEN_NAME = "Quirijntje";
    static final String FAMILY_NAME = "Zwanenburg-Oosterhout";
    static final LocalDate DATE_OF_BIRTH = LocalDate.of(2006, 11, 23);
    static final String EMAIL = "q.zwanenburg@privacy-test.example";

    /** Each value, and the forms a log line might give it in. */
    static final List<String> PERSONAL = List.of(
            GIVEN_NAME,
            FAMILY_NAME,
            "Zwanenburg",
            "Oosterhout",
            DATE_OF_BIRTH.toString(),
            "23-11-2006",
            "23/11/2006",
            "2006/11/23",
            String.valueOf(DATE_OF_BIRTH.toEpochDay()),
            EMAIL,
            "q.zwanenburg",
            "privacy-test.example");

    static final Map<String, Object> VERBOSE = Map.of("logging.level.nl.mboexchange", "DEBUG");

    static CapturedLogs logs;
    static TwoSchools schools;
    static RunningNode home;
    static RunningNode host;
    static SchoolSis homeSis;
    static SchoolSis hostSis;

    @BeforeAll
    static void startBothSchools() {
        schools = TwoSchools.start("logs", VERBOSE, null);
        home = schools.home();
        host = schools.host();
        homeSis = new SchoolSis(HOME);
        hostSis = new SchoolSis(HOST);
        // After both have started: starting a node sets up logging afresh, which drops any appender attached before.
        logs = CapturedLogs.attach();
    }

    @AfterAll
    static void stopBothSchools() {
        for (AutoCloseable closing : new AutoCloseable[] {homeSis, hostSis, logs}) {
            if (closing != null) {
                try {
                    closing.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (schools != null) {
            schools.close();
        }
    }

    @Test
    void a_whole_lifecycle_with_refusals_and_dead_letters_logs_no_personal_data() {
        Student student =
                new Student(UUID.randomUUID().toString(), GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH.toString(), EMAIL);

        // Through the REST API: requested, accepted, graded, completed.
        String id = Requests.enrol(home, HOST, student);
        host.awaitEnrolment(id, body -> Requests.status(body).equals("REQUESTED"));
        assertThat(host.post("/enrolments/" + id + "/accept", "").status()).isEqualTo(200);
        home.awaitEnrolment(id, body -> Requests.status(body).equals("ACCEPTED"));
        assertThat(host.post("/enrolments/" + id + "/results", Requests.finalResult("7.5"))
                        .status())
                .isEqualTo(200);
        home.awaitEnrolment(id, body -> Requests.status(body).equals("COMPLETED"));
        host.awaitEnrolment(id, body -> Requests.status(body).equals("COMPLETED"));

        // Refused at the REST API: the same enrolment id with other data, and an e-mail address that is not one.
        assertThat(home.post("/enrolments", Requests.requestBody(id, HOST, student, "2026-S1-B"))
                        .status())
                .isEqualTo(409);
        assertThat(home.post(
                                "/enrolments",
                                Requests.requestBody(
                                        UUID.randomUUID().toString(), HOST, withEmail(student), "2026-S1-B"))
                        .status())
                .isEqualTo(400);

        // Through the SIS commands: requested at home, rejected at the host.
        UUID bySis = UUID.randomUUID();
        homeSis.send(sisRequest(bySis, EMAIL));
        hostSis.awaitEvents(bySis, events -> events.stream().anyMatch(EnrolmentUpdate.class::isInstance));
        RejectEnrolment reject = RejectEnrolment.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setIssuedBy("osiris-batch")
                .setIssuedAt(Instant.now())
                .setEnrolmentId(bySis)
                .setReasonCode(RejectionReason.COURSE_FULL)
                .setReasonText("All places are taken")
                .build();
        hostSis.send(reject);
        home.awaitEnrolment(bySis.toString(), body -> Requests.status(body).equals("REJECTED"));

        // Refused SIS commands: an e-mail address that is not one, and a request for an id that exists.
        RequestEnrolment badEmail = sisRequest(UUID.randomUUID(), GIVEN_NAME + " " + FAMILY_NAME);
        homeSis.send(badEmail);
        homeSis.awaitEvents(
                badEmail.getEnrolmentId(),
                events -> events.stream()
                        .anyMatch(event -> event instanceof CommandRejected rejected
                                && rejected.getCommandId().equals(badEmail.getCommandId())));
        RequestEnrolment clash = sisRequest(UUID.fromString(id), EMAIL);
        clash.getStudent().setGivenName(GIVEN_NAME + "-Marie");
        homeSis.send(clash);
        homeSis.awaitEvents(
                UUID.fromString(id),
                events -> events.stream()
                        .anyMatch(event -> event instanceof CommandRejected rejected
                                && rejected.getCommandId().equals(clash.getCommandId())));

        // Dead letters at the host: a request from a school that does not own the channel, one whose e-mail address
        // is not one, and one for an enrolment that exists with other data; then an operator replays them.
        Wire.produce(
                TO_HOST,
                0,
                List.of(
                        sent(exchangeRequest(UUID.randomUUID(), "40AB", EMAIL)),
                        sent(exchangeRequest(UUID.randomUUID(), HOME, GIVEN_NAME + " at home")),
                        sent(exchangeRequest(UUID.fromString(id), HOME, EMAIL))));
        List<Object> letters = eventually(
                () -> host.operatorGet("/dead-letters").<List<Object>>read("$[*].id"), found -> found.size() >= 3);
        assertThat(host.operatorPost("/dead-letters/replay", null).status()).isEqualTo(200);
        assertThat(letters).hasSizeGreaterThanOrEqualTo(3);

        // Erasure: refused while an enrolment of the student is open, then carried out at home and at the host.
        String open = Requests.enrol(home, HOST, student);
        host.awaitEnrolment(open, body -> Requests.status(body).equals("REQUESTED"));
        String erasure = "/students/" + student.exchangeId() + "/erasure";
        assertThat(home.post(erasure, "").status()).isEqualTo(409);
        assertThat(home.post("/enrolments/" + open + "/withdraw", "{}").status())
                .isEqualTo(200);
        host.awaitEnrolment(open, body -> Requests.status(body).equals("WITHDRAWN"));
        assertThat(home.post(erasure, "", "erase-" + student.exchangeId()).status())
                .isEqualTo(200);
        for (String erased : List.of(id, open)) {
            home.awaitEnrolment(erased, body -> body.contains("\"CONFIRMED\""));
        }
        assertThat(home.post(erasure, "").status()).isEqualTo(200);

        assertThat(logs.lines()).as("the test heard the nodes' logs").anyMatch(line -> line.contains(id));
        assertThat(logs.linesContaining(PERSONAL)).isEmpty();
    }

    private static Student withEmail(Student student) {
        return new Student(
                student.exchangeId(),
                student.givenName(),
                student.familyName(),
                student.dateOfBirth(),
                GIVEN_NAME + " " + FAMILY_NAME);
    }

    private static RequestEnrolment sisRequest(UUID enrolmentId, String email) {
        return SisCommandFixture.requestEnrolment(
                enrolmentId,
                HOST,
                nl.mboexchange.sis.command.VisitingStudent.newBuilder()
                        .setExchangeId(UUID.randomUUID())
                        .setGivenName(GIVEN_NAME)
                        .setFamilyName(FAMILY_NAME)
                        .setDateOfBirth(DATE_OF_BIRTH)
                        .setEmail(email)
                        .build());
    }

    private static RegistrationRequested exchangeRequest(UUID enrolmentId, String sender, String email) {
        return PartnerEvents.requested(
                enrolmentId,
                sender,
                HOST,
                PartnerEvents.TITLE,
                nl.mboexchange.exchange.VisitingStudent.newBuilder()
                        .setExchangeId(UUID.randomUUID())
                        .setGivenName(GIVEN_NAME)
                        .setFamilyName(FAMILY_NAME)
                        .setDateOfBirth(DATE_OF_BIRTH)
                        .setEmail(email)
                        .build());
    }

    private static Wire.Sent sent(RegistrationRequested event) {
        return new Wire.Sent(event.getEnrolmentId().toString(), Wire.serialize(TO_HOST, event));
    }
}
