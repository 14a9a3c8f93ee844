package nl.mboexchange.benchmark.node;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRequested;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts accepted enrolments in a node's database, not timed: the enrolment goes through the domain's own steps
 * (requested at home, received and accepted at the host, acceptance received at home), and this node keeps its own
 * side. Every node builds the same enrolments from the same numbers, so they agree without exchanging them: the host
 * keeps every enrolment, a home only those of its own students ({@link Network#homeOf}).
 */
public final class Seeder {

    private static final int BATCH = 1_000;
    public static final SchoolCode HOME = SchoolCode.of("25LX");
    public static final SchoolCode HOST = SchoolCode.of("30GH");

    private final EnrolmentIds ids;
    private final Network network;
    private final SchoolCode self;
    private final EnrolmentRepository enrolments;
    private final TransactionTemplate transactions;

    Seeder(
            EnrolmentIds ids,
            Network network,
            SchoolCode self,
            EnrolmentRepository enrolments,
            TransactionTemplate transactions) {
        this.ids = ids;
        this.network = network;
        this.self = self;
        this.enrolments = enrolments;
        this.transactions = transactions;
    }

    void seed(int from, int count) {
        Instant now = Instant.now();
        for (int start = from; start < from + count; start += BATCH) {
            List<Enrolment> batch = new ArrayList<>(BATCH);
            for (int index = start; index < Math.min(start + BATCH, from + count); index++) {
                if (self.equals(network.host()) || self.equals(network.homeOf(index))) {
                    batch.add(accepted(index, now));
                }
            }
            if (batch.isEmpty()) {
                continue;
            }
            transactions.executeWithoutResult(status -> enrolments.saveAll(batch));
        }
    }

    private Enrolment accepted(int index, Instant at) {
        SchoolCode homeSchool = network.homeOf(index);
        SchoolCode host = network.host();
        Enrolment home =
                Enrolment.request(new EnrolmentId(ids.of(index)), homeSchool, host, student(index), course(), at);
        RegistrationRequested requested =
                (RegistrationRequested) home.releaseEvents().get(0);
        Enrolment atHost = Enrolment.receiveRequest(requested, host, at);
        atHost.accept("Welkom", at);
        RegistrationAccepted accepted =
                (RegistrationAccepted) atHost.releaseEvents().get(0);
        home.receiveAcceptance(accepted, at);
        home.releaseEvents();
        return self.equals(host) ? atHost : home;
    }

    private VisitingStudent student(int index) {
        return new VisitingStudent(
                new UUID(ids.salt() ^ 0x5EED, index),
                "Sanne",
                "de Vries",
                LocalDate.of(2008, 3, 14),
                "student" + index + "@example.nl");
    }

    private static CourseOffering course() {
        return new CourseOffering(
                new CourseCode("K0080"),
                "2026-S1-A",
                "Ondernemend gedrag",
                240,
                LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 6, 30),
                ResultScale.NUMERIC_1_TO_10);
    }
}
