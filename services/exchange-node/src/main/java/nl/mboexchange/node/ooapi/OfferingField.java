package nl.mboexchange.node.ooapi;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code offering} of an association: its id alone, or the whole {@code CourseOffering}. */
sealed interface OfferingField {

    /**
     * The offering's id alone, as a string: an association's {@code offering} when it is not expanded.
     *
     * @param offeringId the offering's key across the exchange
     */
    record Reference(@JsonValue UUID offeringId) implements OfferingField {}

    /**
     * OOAPI's {@code CourseOffering}: what the exchange knows of the course offering.
     *
     * @param offeringId the offering's key across the exchange
     * @param primaryCode the host's own offering id, as an {@code offeringCode}
     * @param offeringType always {@code course}
     * @param name the course's title
     * @param description the course's title again: the exchange carries no description, and OOAPI requires one
     * @param teachingLanguage {@code und} (undetermined): the exchange does not carry the language
     * @param resultExpected always {@code true}: every course of the exchange ends in a result
     * @param resultValueType the course's result scale
     * @param otherCodes the course's SBB keuzedeel code
     * @param startDate the first day of the course
     * @param endDate the last day of the course
     * @param ext the host school's code, without which the host's offering id is ambiguous
     */
    record Full(
            UUID offeringId,
            IdentifierEntry primaryCode,
            String offeringType,
            List<LanguageTypedString> name,
            List<LanguageTypedString> description,
            String teachingLanguage,
            boolean resultExpected,
            String resultValueType,
            List<IdentifierEntry> otherCodes,
            LocalDate startDate,
            LocalDate endDate,
            Map<String, String> ext)
            implements OfferingField {

        public Full {
            name = List.copyOf(name);
            description = List.copyOf(description);
            otherCodes = List.copyOf(otherCodes);
            ext = Map.copyOf(ext);
        }
    }
}
