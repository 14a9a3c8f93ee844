package nl.mboexchange.node.deadletter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Lists the dead letters and replays them through the intake that refused them. */
@Service
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);
    /** Open dead letters replayed by one call to replay them all. */
    static final int REPLAY_ALL_LIMIT = 1000;

    private final DeadLetterStore store;
    private final Map<StoredDeadLetter.Source, Replayer> replayers = new EnumMap<>(StoredDeadLetter.Source.class);

    DeadLetterService(DeadLetterStore store, List<Replayer> replayers) {
        this.store = store;
        replayers.forEach(replayer -> this.replayers.put(replayer.source(), replayer));
    }

    public List<StoredDeadLetter> list(boolean all, int limit, long offset) {
        return store.list(all, limit, offset);
    }

    public Optional<StoredDeadLetter> find(long id) {
        return store.find(id);
    }

    /**
     * Replays one dead letter, open or not: a record taken in before is recognised as such and changes nothing.
     *
     * @return the dead letter as it is after the replay, or empty when there is none with that id
     * @throws IllegalStateException when this node cannot replay dead letters of that source now (e.g. Kafka is
     *     switched off)
     */
    public Optional<StoredDeadLetter> replay(long id) {
        return store.find(id).map(letter -> {
            Replayer replayer = replayers.get(letter.source());
            if (replayer == null) {
                throw new IllegalStateException(
                        "this node cannot replay dead letters of " + letter.source() + ": that intake is switched off");
            }
            Replayer.ReplayOutcome outcome = replayer.replay(letter);
            store.replayed(letter.id(), outcome);
            log.info(
                    "Replayed dead letter {} ({}-{}@{}, key {}): {}",
                    letter.id(),
                    letter.topic(),
                    letter.partition(),
                    letter.offset(),
                    letter.key(),
                    outcome.taken() ? "taken in" : "still refused");
            return store.find(id).orElseThrow();
        });
    }

    /** Replays the open dead letters in the order they were dead-lettered; returns each as it is afterwards. */
    public List<StoredDeadLetter> replayOpen() {
        List<StoredDeadLetter> replayed = new ArrayList<>();
        for (StoredDeadLetter letter : store.open(REPLAY_ALL_LIMIT)) {
            if (replayers.containsKey(letter.source())) {
                replay(letter.id()).ifPresent(replayed::add);
            }
        }
        return replayed;
    }
}
