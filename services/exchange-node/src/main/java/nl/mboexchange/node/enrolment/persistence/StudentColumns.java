package nl.mboexchange.node.enrolment.persistence;

import java.time.LocalDate;
import java.util.UUID;

/** The student's columns of the enrolment row, prefixed {@code student_}. */
record StudentColumns(UUID exchangeId, String givenName, String familyName, LocalDate dateOfBirth, String email) {}
