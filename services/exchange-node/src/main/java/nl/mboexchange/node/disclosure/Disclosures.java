package nl.mboexchange.node.disclosure;

import java.util.Optional;
import java.util.UUID;

/** Where disclosure reports come from. */
public interface Disclosures {

    /** The report on the student with this exchange id, or empty when this school never sent them anywhere. */
    Optional<DisclosureReport> reportOn(UUID exchangeId);
}
