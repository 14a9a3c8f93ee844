package nl.mboexchange.benchmark.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import nl.mboexchange.benchmark.measure.ResourceSampler;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.kafka.HaltAfterAcknowledgedSend;
import nl.mboexchange.node.school.SchoolCode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One exchange node in a JVM of its own, under the driver's control. It runs the node application unchanged, with
 * the settings the driver passed as system properties, plus an {@link ArrivalProbe}; then it carries out the
 * driver's commands until told to stop. A JVM per node keeps the CPU time and heap of each node its own.
 *
 * <p>Arguments: the driver's control port, this node's school code, the run's salt, the number of enrolments and,
 * optionally, the {@linkplain Network#encoded network} (the two-node network when left out).
 */
public final class NodeProcess {

    private final SchoolCode school;
    private final ConfigurableApplicationContext context;
    private final ArrivalProbe probe;
    private final EnrolmentIds ids;
    private final Network network;
    private final ResourceSampler sampler = new ResourceSampler();

    private NodeProcess(
            SchoolCode school,
            ConfigurableApplicationContext context,
            ArrivalProbe probe,
            EnrolmentIds ids,
            Network network) {
        this.school = school;
        this.context = context;
        this.probe = probe;
        this.ids = ids;
        this.network = network;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        SchoolCode school = SchoolCode.of(args[1]);
        EnrolmentIds ids = new EnrolmentIds(Long.parseLong(args[2]));
        ArrivalProbe probe = new ArrivalProbe(ids, Integer.parseInt(args[3]));
        Network network = args.length > 4 ? Network.decode(args[4]) : Network.TWO_NODES;
        try (ControlChannel channel = new ControlChannel(new Socket(InetAddress.getLoopbackAddress(), port))) {
            channel.out().writeUTF(school.value());
            channel.flush();
            ConfigurableApplicationContext context;
            try {
                context = new SpringApplicationBuilder(NodeApplicationClass.find())
                        .initializers(app -> ((GenericApplicationContext) app)
                                .registerBean("benchmarkArrivalProbe", ArrivalProbe.class, () -> probe))
                        .run();
            } catch (RuntimeException e) {
                channel.out().writeUTF(ControlChannel.ERROR);
                channel.out().writeUTF("the node did not start: " + e);
                channel.flush();
                e.printStackTrace();
                System.exit(2);
                return;
            }
            if (!probe.attached()) {
                channel.out().writeUTF(ControlChannel.ERROR);
                channel.out().writeUTF("the node has no IncomingEventService bean to observe");
                channel.flush();
                System.exit(2);
            }
            channel.out().writeUTF(ControlChannel.OK);
            channel.flush();
            new NodeProcess(school, context, probe, ids, network).serve(channel);
        } catch (IOException e) {
            // The driver has gone: a node must not outlive it.
            System.exit(1);
        }
        System.exit(0);
    }

    private void serve(ControlChannel channel) throws IOException {
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Seeder seeder = new Seeder(ids, network, school, context.getBean(EnrolmentRepository.class), transactions);
        ResultFeeder feeder = new ResultFeeder(ids, context.getBean(EnrolmentService.class));
        var in = channel.in();
        var out = channel.out();
        while (true) {
            String command = in.readUTF();
            try {
                switch (command) {
                    case NodeCommands.SEED -> {
                        seeder.seed(in.readInt(), in.readInt());
                        out.writeUTF(ControlChannel.OK);
                    }
                    case NodeCommands.START_PHASE -> {
                        sampler.start();
                        out.writeUTF(ControlChannel.OK);
                    }
                    case NodeCommands.FEED_BURST -> {
                        long[] issuedAt = feeder.burst(in.readInt(), in.readInt(), in.readInt());
                        out.writeUTF(ControlChannel.OK);
                        channel.writeLongs(issuedAt);
                    }
                    case NodeCommands.FEED_STEADY -> {
                        long[] dueAt = feeder.steady(in.readInt(), in.readInt(), in.readInt(), in.readInt());
                        out.writeUTF(ControlChannel.OK);
                        channel.writeLongs(dueAt);
                    }
                    case NodeCommands.VISIBLE -> {
                        int visible = probe.visible(in.readInt(), in.readInt());
                        out.writeUTF(ControlChannel.OK);
                        out.writeInt(visible);
                    }
                    case NodeCommands.END_PHASE -> {
                        int from = in.readInt();
                        int count = in.readInt();
                        var usage = sampler.stop();
                        out.writeUTF(ControlChannel.OK);
                        channel.writeUsage(usage);
                        channel.writeLongs(probe.resultVisibleAt(from, count));
                        channel.writeLongs(probe.receiptVisibleAt(from, count));
                        out.writeLong(probe.duplicates());
                        out.writeLong(probe.refused());
                        out.writeLong(probe.doubled());
                    }
                    case NodeCommands.JIT_MILLIS -> {
                        out.writeUTF(ControlChannel.OK);
                        out.writeLong(ResourceSampler.jitMillis());
                    }
                    case NodeCommands.ARM_HALT -> {
                        context.getBean(HaltAfterAcknowledgedSend.class).arm(in.readInt());
                        out.writeUTF(ControlChannel.OK);
                    }
                    case NodeCommands.HTTP_PORT -> {
                        out.writeUTF(ControlChannel.OK);
                        out.writeInt(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
                    }
                    case NodeCommands.STOP -> {
                        out.writeUTF(ControlChannel.OK);
                        channel.flush();
                        sampler.close();
                        context.close();
                        return;
                    }
                    default -> {
                        out.writeUTF(ControlChannel.ERROR);
                        out.writeUTF("unknown command " + command);
                    }
                }
            } catch (Exception e) {
                out.writeUTF(ControlChannel.ERROR);
                out.writeUTF(String.valueOf(e));
            }
            channel.flush();
        }
    }
}
