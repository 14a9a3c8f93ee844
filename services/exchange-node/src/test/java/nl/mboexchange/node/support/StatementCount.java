package nl.mboexchange.node.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts what a node asks of its database, transaction by transaction, from the JDBC calls of its connection pool:
 * statements, round trips (a JDBC batch is one, and so is the commit), and rows (written, or read from a result set).
 * Load-independent, unlike a timing: the same work costs the same count on a busy machine and on an idle one.
 *
 * <p>Installed in a node with {@link #installIn}, which wraps the node's {@link DataSource} bean; the connections the
 * node opens outside that bean (the outbox publisher's lease) are not seen.
 */
public final class StatementCount {

    private final Queue<Transaction> finished = new ConcurrentLinkedQueue<>();

    /**
     * One transaction as the database saw it.
     *
     * @param thread the thread that ran it, which names the path (a listener's consumer thread, the publisher)
     * @param committed whether it committed; {@code false} when it rolled back
     * @param executed its round trips of statements, in order
     * @param moreRoundTrips its round trips without a statement: the commit or rollback, connection checks
     */
    public record Transaction(String thread, boolean committed, List<Executed> executed, int moreRoundTrips) {

        /** Statements executed, each statement of a JDBC batch counted. */
        public int statements() {
            return executed.stream().mapToInt(Executed::batch).sum();
        }

        /** Round trips to the database: each execution, each JDBC batch, the commit. */
        public int roundTrips() {
            return executed.size() + moreRoundTrips;
        }

        /** Rows written, and rows read from result sets. */
        public long rows() {
            return executed.stream().mapToLong(Executed::rows).sum();
        }

        /** The first execution whose statement starts with {@code prefix}, e.g. {@code "delete from outbox_event"}. */
        public Optional<Executed> ran(String prefix) {
            return executed.stream().filter(one -> one.sql().startsWith(prefix)).findFirst();
        }
    }

    /**
     * One round trip of statements.
     *
     * @param sql the statement, its white space collapsed
     * @param batch how many times it ran: the size of its JDBC batch, or 1
     * @param rows the rows it wrote, or read
     */
    public record Executed(String sql, int batch, long rows) {}

    /** An initializer that makes a node's data source count into this. */
    public ApplicationContextInitializer<ConfigurableApplicationContext> installer() {
        return context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
            }
        });
    }

    /** The transactions finished since the last {@link #reset}, in the order they finished. */
    public List<Transaction> transactions() {
        return List.copyOf(finished);
    }

    public void reset() {
        finished.clear();
    }

    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection connection ? new Counted(connection).proxy : result;
        });
    }

    /** A connection, and the transaction running on it. */
    private final class Counted {

        private final Connection connection;
        private final Connection proxy;
        private List<Step> steps = new ArrayList<>();
        private int checks;

        Counted(Connection connection) {
            this.connection = connection;
            this.proxy = proxy(Connection.class, connection, this::onConnection);
        }

        private Object onConnection(Connection target, Method method, Object[] args) throws Throwable {
            Object result = method.invoke(target, args);
            switch (method.getName()) {
                case "prepareStatement", "prepareCall", "createStatement" -> {
                    String text = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                    return statement((Statement) result, text);
                }
                case "commit" -> finish(true);
                case "rollback" -> {
                    if (args == null || args.length == 0) {
                        finish(false);
                    }
                }
                case "isValid" -> checks++;
                default -> {
                    // Nothing sent that the driver does not send anyway, or nothing to count.
                }
            }
            return result;
        }

        private Object statement(Statement statement, String prepared) {
            Class<?> type = statement instanceof CallableStatement
                    ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            int[] batched = {0};
            return proxyOf(type, statement, (target, method, args) -> {
                Object result = method.invoke(target, args);
                String text = prepared != null
                        ? prepared
                        : args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                switch (method.getName()) {
                    case "addBatch" -> batched[0]++;
                    case "clearBatch" -> batched[0] = 0;
                    case "executeBatch", "executeLargeBatch" -> {
                        executed(text, batched[0], sum(result), false);
                        batched[0] = 0;
                    }
                    case "executeQuery" -> {
                        return resultSet((ResultSet) result, executed(text, 1, 0, true));
                    }
                    case "executeUpdate", "executeLargeUpdate" ->
                        executed(text, 1, Math.max(0, ((Number) result).longValue()), false);
                    case "execute" -> {
                        Step step = executed(
                                text, 1, (Boolean) result ? 0 : Math.max(0, statement.getUpdateCount()), (Boolean)
                                        result);
                        if ((Boolean) result) {
                            last = step;
                        }
                    }
                    case "getResultSet" -> {
                        return result == null ? null : resultSet((ResultSet) result, last);
                    }
                    default -> {
                        // Setting parameters and reading results are not sent on their own.
                    }
                }
                return result;
            });
        }

        private Step last;

        private ResultSet resultSet(ResultSet resultSet, Step step) {
            return proxy(ResultSet.class, resultSet, (target, method, args) -> {
                Object result = method.invoke(target, args);
                if (method.getName().equals("next") && Boolean.TRUE.equals(result) && step != null) {
                    step.rows++;
                } else if (method.getName().equals("close") && step == pendingRead) {
                    pendingRead = null;
                    record(true, 0);
                }
                return result;
            });
        }

        private Step executed(String text, int count, long written, boolean reads) throws java.sql.SQLException {
            Step step = new Step(text == null ? "?" : text.strip().replaceAll("\\s+", " "), count, written);
            steps.add(step);
            if (connection.getAutoCommit()) {
                // A transaction of its own; one that reads is counted once its rows are read.
                if (reads) {
                    pendingRead = step;
                } else {
                    record(true, 0);
                }
            }
            return step;
        }

        private Step pendingRead;

        private void finish(boolean committed) {
            if (steps.isEmpty()) {
                // The driver sends no commit for a transaction that ran nothing.
                checks = 0;
                return;
            }
            record(committed, 1);
        }

        private void record(boolean committed, int ending) {
            finished.add(new Transaction(
                    Thread.currentThread().getName(),
                    committed,
                    steps.stream().map(Step::view).toList(),
                    checks + ending));
            steps = new ArrayList<>();
            checks = 0;
        }
    }

    /** One round trip of statements as it is counted; its rows grow while its result set is read. */
    private static final class Step {
        private final String sql;
        private final int batch;
        private long rows;

        Step(String sql, int batch, long rows) {
            this.sql = sql;
            this.batch = batch;
            this.rows = rows;
        }

        Executed view() {
            return new Executed(sql, batch, rows);
        }
    }

    /** The rows of a JDBC batch; a statement the driver ran as part of a multi-row insert says no count, and is one. */
    private static long sum(Object counts) {
        long sum = 0;
        if (counts instanceof int[] ints) {
            for (int count : ints) {
                sum += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
            }
        } else if (counts instanceof long[] longs) {
            for (long count : longs) {
                sum += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
            }
        }
        return sum;
    }

    @FunctionalInterface
    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        return type.cast(proxyOf(type, target, (ignored, method, args) -> handler.handle(target, method, args)));
    }

    private static Object proxyOf(Class<?> type, Object target, Handler<Object> handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            try {
                return handler.handle(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }
}
