package nl.mboexchange.node.membership;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.mboexchange.networkadmin.Member;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.school.SchoolNetwork;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The members of the network, read from the members topic from its start and followed for as long as the node runs,
 * on a thread of its own and without a consumer group (the node needs only Read on the topic). Until the topic has
 * been read to the end once, {@link #isMember} waits for it a little, then says the membership is unknown, so that
 * nothing is refused merely because the node has just started.
 */
public class MembersTopic implements SchoolNetwork, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MembersTopic.class);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final Duration firstReadWait;
    private final Set<String> members = ConcurrentHashMap.newKeySet();
    private final CountDownLatch read = new CountDownLatch(1);
    private volatile Thread follower;
    private volatile boolean running;

    public MembersTopic(Consumer<String, byte[]> consumer, String topic, Duration firstReadWait) {
        this.consumer = consumer;
        this.topic = topic;
        this.firstReadWait = firstReadWait;
    }

    @Override
    public boolean isMember(SchoolCode school) {
        try {
            if (!read.await(firstReadWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MembershipUnknown("the members of the network are not known yet: " + topic + " not read");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MembershipUnknown("interrupted while waiting for the members of the network");
        }
        return members.contains(school.value());
    }

    @Override
    public synchronized void start() {
        running = true;
        follower = new Thread(this::follow, "members-topic");
        follower.setDaemon(true);
        follower.start();
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    apply(record);
                }
                if (read.getCount() > 0 && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    log.info(
                            "Members of the network: {}",
                            members.stream().sorted().toList());
                    read.countDown();
                }
            }
        } catch (WakeupException e) {
            // Stopped.
        } catch (RuntimeException e) {
            log.error("Stopped following {}: the members of the network are no longer updated", topic, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions() {
        while (running) {
            var found = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (found != null && !found.isEmpty()) {
                return found.stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
            }
            log.warn("No topic {} yet: no school is known as a member", topic);
            sleep();
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            if (members.remove(record.key())) {
                log.info("{} is no longer a member of the network", record.key());
            }
            return;
        }
        Member member = Member.fromRecord(record.key(), record.value());
        if (members.add(member.code()) && read.getCount() == 0) {
            log.info("{} ({}) joined the network", member.code(), member.name());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread thread = follower;
        if (thread != null) {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Before the listeners (which ask it) start, after they stop.
        return Integer.MIN_VALUE + 1000;
    }
}
