package nl.mboexchange.node.enrolment.persistence;

import java.time.LocalDate;

/** The course offering's columns of the enrolment row, prefixed {@code course_}. */
record CourseColumns(
        String code,
        String offeringId,
        String title,
        int studyLoadHours,
        LocalDate startDate,
        LocalDate endDate,
        String resultScale) {}
