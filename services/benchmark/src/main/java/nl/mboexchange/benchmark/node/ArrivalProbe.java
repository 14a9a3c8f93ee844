package nl.mboexchange.benchmark.node;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import nl.mboexchange.benchmark.measure.Clock;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.ResultAcknowledged;
import nl.mboexchange.node.enrolment.application.EventOutcome;
import nl.mboexchange.node.enrolment.application.IncomingEventService;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records when each result and each receipt became visible in this node's database: it wraps the node's
 * {@link IncomingEventService#apply}, the one way received events enter a node, and takes the time when the
 * transaction that applied them has committed. It changes nothing the node does.
 *
 * <p>It runs after Spring's own proxies (lowest precedence) and puts itself outside the transaction advice, so the
 * call has committed when it returns; should a caller ever hold an outer transaction, the time is taken after that
 * one commits instead.
 */
final class ArrivalProbe implements BeanPostProcessor, Ordered, MethodInterceptor {

    private final EnrolmentIds ids;
    private final AtomicLongArray resultVisibleAt;
    private final AtomicLongArray receiptVisibleAt;
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder doubled = new LongAdder();
    private volatile boolean attached;

    ArrivalProbe(EnrolmentIds ids, int enrolments) {
        this.ids = ids;
        this.resultVisibleAt = new AtomicLongArray(enrolments);
        this.receiptVisibleAt = new AtomicLongArray(enrolments);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof IncomingEventService)) {
            return bean;
        }
        attached = true;
        if (bean instanceof Advised advised && !advised.isFrozen()) {
            advised.addAdvice(0, this);
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(this);
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object returned = invocation.proceed();
        if (invocation.getMethod().getName().equals("apply") && returned instanceof List<?> outcomes) {
            List<? extends ExchangeEvent> events =
                    (List<? extends ExchangeEvent>) invocation.getArguments()[0];
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        record(events, (List<EventOutcome>) outcomes);
                    }
                });
            } else {
                record(events, (List<EventOutcome>) outcomes);
            }
        }
        return returned;
    }

    private void record(List<? extends ExchangeEvent> events, List<EventOutcome> outcomes) {
        long now = Clock.micros();
        for (int i = 0; i < events.size(); i++) {
            ExchangeEvent event = events.get(i);
            EventOutcome outcome = outcomes.get(i);
            if (outcome instanceof EventOutcome.Duplicate) {
                duplicates.increment();
                continue;
            }
            if (outcome instanceof EventOutcome.Refused) {
                refused.increment();
                continue;
            }
            int index = ids.indexOf(event.enrolmentId().value());
            if (index < 0 || index >= resultVisibleAt.length()) {
                continue;
            }
            AtomicLongArray visibleAt = event instanceof CourseResultRecorded
                    ? resultVisibleAt
                    : event instanceof ResultAcknowledged ? receiptVisibleAt : null;
            if (visibleAt != null && !visibleAt.compareAndSet(index, 0, now)) {
                doubled.increment();
            }
        }
    }

    boolean attached() {
        return attached;
    }

    /** How many of the enrolments from {@code from} on have their result (home) or receipt (host) visible. */
    int visible(int from, int count) {
        int seen = 0;
        for (int i = from; i < from + count; i++) {
            if (resultVisibleAt.get(i) != 0 || receiptVisibleAt.get(i) != 0) {
                seen++;
            }
        }
        return seen;
    }

    long[] resultVisibleAt(int from, int count) {
        return slice(resultVisibleAt, from, count);
    }

    long[] receiptVisibleAt(int from, int count) {
        return slice(receiptVisibleAt, from, count);
    }

    long duplicates() {
        return duplicates.sum();
    }

    long refused() {
        return refused.sum();
    }

    /** Events applied a second time as if new: must stay zero. */
    long doubled() {
        return doubled.sum();
    }

    private static long[] slice(AtomicLongArray values, int from, int count) {
        long[] slice = new long[count];
        for (int i = 0; i < count; i++) {
            slice[i] = values.get(from + i);
        }
        return slice;
    }
}
