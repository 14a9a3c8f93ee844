package nl.mboexchange.node.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class BisectionTest {

    /** Work that "commits" a run only when none of its items is poison, as a transaction would. */
    static final class Ledger implements Bisection.Work<Integer, String> {
        final Set<Integer> poison;
        final List<Integer> committed = new ArrayList<>();
        int attempts;

        Ledger(Integer... poison) {
            this.poison = Set.of(poison);
        }

        @Override
        public List<String> apply(List<Integer> items) {
            attempts++;
            if (items.stream().anyMatch(poison::contains)) {
                throw new DataIntegrityViolationException("refused", new SQLException("refused", "23514"));
            }
            committed.addAll(items);
            return items.stream().map(item -> "applied " + item).toList();
        }
    }

    @Test
    void a_poll_without_poison_is_applied_in_one_attempt() {
        Ledger ledger = new Ledger();

        var outcome = new Bisection<>(ledger, () -> true).apply(List.of(1, 2, 3));

        assertThat(ledger.attempts).isEqualTo(1);
        assertThat(outcome.results()).containsExactly("applied 1", "applied 2", "applied 3");
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void poison_records_are_carved_out_and_the_others_are_applied_once_in_order() {
        Ledger ledger = new Ledger(3, 17, 18);
        List<Integer> poll = IntStream.rangeClosed(1, 32).boxed().toList();

        var outcome = new Bisection<>(ledger, () -> true).apply(poll);

        assertThat(outcome.failed()).extracting(Bisection.Failed::item).containsExactly(3, 17, 18);
        assertThat(ledger.committed)
                .containsExactlyElementsOf(poll.stream()
                        .filter(item -> !Set.of(3, 17, 18).contains(item))
                        .toList());
        assertThat(outcome.results().get(2)).isNull();
        assertThat(outcome.results().get(3)).isEqualTo("applied 4");
        assertThat(ledger.attempts).as("far fewer than one per record").isLessThan(32);
    }

    @Test
    void a_failure_of_the_infrastructure_is_thrown_while_it_is_away_and_nothing_is_carved_out() {
        Bisection.Work<Integer, String> databaseAway = items -> {
            throw new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001"));
        };

        assertThatThrownBy(() -> new Bisection<>(databaseAway, () -> false).apply(List.of(1, 2)))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void a_record_that_fails_like_the_infrastructure_while_the_database_answers_is_its_own_fault() {
        Bisection.Work<Integer, String> timesOutOnTwo = items -> {
            if (items.contains(2)) {
                throw new CannotGetJdbcConnectionException("timeout", new SQLException("timeout", "08006"));
            }
            return items.stream().map(String::valueOf).toList();
        };

        var outcome = new Bisection<>(timesOutOnTwo, () -> true).apply(List.of(1, 2, 3));

        assertThat(outcome.failed()).extracting(Bisection.Failed::item).containsExactly(2);
        assertThat(outcome.results()).containsExactly("1", null, "3");
    }

    @Test
    void an_unknown_failure_of_one_record_alone_is_that_records_fault() {
        Bisection.Work<Integer, String> npeOnOne = items -> {
            if (items.contains(1)) {
                throw new NullPointerException();
            }
            return items.stream().map(String::valueOf).toList();
        };

        var outcome = new Bisection<>(npeOnOne, () -> true).apply(List.of(0, 1));

        assertThat(outcome.failed())
                .singleElement()
                .satisfies(failed -> assertThat(failed.item()).isEqualTo(1));
        assertThat(outcome.results()).containsExactly("0", null);
    }
}
