package nl.mboexchange.node.enrolment.application;

import static nl.mboexchange.node.shared.Require.present;

import java.util.UUID;
import nl.mboexchange.node.school.SchoolCode;

/**
 * Who caused a change: a registrar of this school, a command of its SIS, or another school's event. Each kind is a
 * small value that can be stored beside what it caused and shown to a registrar ({@link #kind()} and {@link
 * #reference()}).
 */
public sealed interface Origin {

    /** What kind of origin this is, as it would be stored: {@code REGISTRAR}, {@code SIS_COMMAND} or {@code SCHOOL}. */
    String kind();

    /** Who or what, within its kind: the registrar's user name, the command id, the sending school's code. */
    String reference();

    /**
     * A registrar of this school, through the REST API or the console.
     *
     * @param username the user name the registrar signed in with
     */
    record Registrar(String username) implements Origin {
        public Registrar {
            present(username, "username");
        }

        @Override
        public String kind() {
            return "REGISTRAR";
        }

        @Override
        public String reference() {
            return username;
        }
    }

    /**
     * A command of this school's SIS.
     *
     * @param commandId the command's id, which its answer names
     * @param issuedBy who issued it in the SIS, as the command says; may be {@code null}
     * @param principal the Kafka login that wrote the command: the school's SIS login {@code sis-<code>}, the only
     *     login the network's ACLs allow to write the school's commands topic
     */
    record SisCommand(UUID commandId, String issuedBy, String principal) implements Origin {
        public SisCommand {
            present(commandId, "commandId");
            present(principal, "principal");
        }

        @Override
        public String kind() {
            return "SIS_COMMAND";
        }

        @Override
        public String reference() {
            return commandId.toString();
        }
    }

    /**
     * An event another school sent.
     *
     * @param sender the school that sent it
     */
    record School(SchoolCode sender) implements Origin {
        public School {
            present(sender, "sender");
        }

        @Override
        public String kind() {
            return "SCHOOL";
        }

        @Override
        public String reference() {
            return sender.value();
        }
    }
}
