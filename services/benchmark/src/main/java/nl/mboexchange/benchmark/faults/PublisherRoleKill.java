package nl.mboexchange.benchmark.faults;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import nl.mboexchange.benchmark.node.NodeHandle;

/**
 * Two instances of the home school on one database, and the one that holds the publisher role killed as {@code kill -9}
 * ends it while the slice's results arrive and its receipts leave. Which instance publishes is read from PostgreSQL:
 * the session holding the outbox publisher lock, by its application name. The other instance must take the lock over
 * and send what the killed one left in the outbox, and take over its partitions of the channel from the host; home
 * must drop what comes twice, and the host what was sent twice.
 */
final class PublisherRoleKill implements Fault {

    private static final Duration POLL = Duration.ofMillis(20);

    @Override
    public String name() {
        return "publisher-role-kill";
    }

    @Override
    public Injection inject(FaultNetwork network, Slice slice) throws Exception {
        network.startSecondHome();
        NodeHandle publisher = awaitPublisher(network, Duration.ofMinutes(1));
        NodeHandle other = network.homeInstances().stream()
                .filter(node -> node != publisher)
                .findFirst()
                .orElseThrow();
        String killedName = network.instanceName(publisher);
        String otherName = network.instanceName(other);
        network.progress("the publisher of " + FaultNetwork.HOME + " is " + killedName + " (pid " + publisher.pid()
                + "); killing it once the slice's receipts leave");
        SliceCounts counts = network.counts();
        network.sis().recordThenCorrect(slice.from(), slice.count());
        // While results flow: once home has sent the slice's first receipt.
        long deadline = System.nanoTime() + network.parameters().settleTimeout().toNanos();
        while (counts.receiptsSent(slice) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("home sent no receipt of the slice within "
                        + network.parameters().settleTimeout());
            }
            Thread.sleep(POLL.toMillis());
        }
        network.killHomeInstance(publisher);
        long killedAt = System.nanoTime();
        long receiptsSent = counts.receiptsSent(slice);
        long receiptsWaiting = counts.outboxAtHome();
        network.progress("killed " + killedName + " (kill -9) with " + receiptsSent + " of " + 2L * slice.count()
                + " receipts sent");
        // Only the instance that runs on can be found now: the killed one's session is no longer one of home's.
        awaitPublisher(network, network.parameters().settleTimeout());
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        return new Injection(
                "a second instance of " + FaultNetwork.HOME + " on its database; the instance holding the publisher"
                        + " lock (" + killedName + ") killed with kill -9 while the slice flowed",
                killedAt,
                0,
                -1,
                String.format(
                        Locale.ROOT,
                        "killed with %d of %d receipts sent, %d messages in home's outbox; %s published %.1f s after",
                        receiptsSent,
                        2L * slice.count(),
                        receiptsWaiting,
                        otherName,
                        takeover));
    }

    /** The home instance that holds the publisher lock, once one does. */
    private static NodeHandle awaitPublisher(FaultNetwork network, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<NodeHandle> holder;
            try {
                holder = network.homePublisher();
            } catch (SQLException e) {
                holder = Optional.empty();
            }
            if (holder.isPresent()) {
                return holder.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "no instance of " + FaultNetwork.HOME + " held the publisher lock within " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
