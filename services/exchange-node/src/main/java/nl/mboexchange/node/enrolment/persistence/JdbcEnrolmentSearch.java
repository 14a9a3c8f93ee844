package nl.mboexchange.node.enrolment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.enrolment.application.EnrolmentFilter;
import nl.mboexchange.node.enrolment.application.EnrolmentOrder;
import nl.mboexchange.node.enrolment.application.EnrolmentPage;
import nl.mboexchange.node.enrolment.application.EnrolmentSearch;
import nl.mboexchange.node.enrolment.application.EnrolmentSummary;
import nl.mboexchange.node.school.SchoolCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists of enrolments: only the root rows, filtered and ordered in SQL. */
@Repository
class JdbcEnrolmentSearch implements EnrolmentSearch {

    private static final String COLUMNS = """
            select id, role, status, home_school, host_school, student_exchange_id, student_given_name,
                student_family_name, course_code, course_title, course_start_date, requested_at, last_changed_at
            from enrolment""";

    private final JdbcClient jdbc;

    JdbcEnrolmentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EnrolmentPage search(EnrolmentFilter filter, EnrolmentOrder order, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.role() != null) {
            where.append(" and role = :role");
            params.put("role", filter.role().name());
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and status in (:statuses)");
            params.put(
                    "statuses",
                    filter.statuses().stream()
                            .map(EnrolmentStatus::name)
                            .sorted()
                            .toList());
        }
        if (filter.studentExchangeId() != null) {
            where.append(" and student_exchange_id = :student");
            params.put("student", filter.studentExchangeId());
        }
        if (filter.courseCode() != null) {
            where.append(" and course_code = :course");
            params.put("course", filter.courseCode().value());
        }
        if (filter.offering() != null) {
            // The same expression as the index enrolment_by_offering_key, so that the index serves it.
            where.append(" and course_offering_key(host_school, course_offering_id) = :offering");
            params.put("offering", filter.offering().value());
        }
        long total = jdbc.sql("select count(*) from enrolment" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<EnrolmentSummary> items = jdbc.sql(COLUMNS + where + orderBy(order) + " limit :limit offset :offset")
                .params(params)
                .query(JdbcEnrolmentSearch::summary)
                .list();
        return new EnrolmentPage(items, page, size, total);
    }

    private static String orderBy(EnrolmentOrder order) {
        return switch (order) {
            case NEWEST_FIRST -> " order by requested_at desc, id";
            case ID_ASCENDING -> " order by id";
            case ID_DESCENDING -> " order by id desc";
        };
    }

    private static EnrolmentSummary summary(ResultSet rs, int row) throws SQLException {
        return new EnrolmentSummary(
                new EnrolmentId(rs.getObject("id", UUID.class)),
                EnrolmentRole.valueOf(rs.getString("role")),
                EnrolmentStatus.valueOf(rs.getString("status")),
                SchoolCode.of(rs.getString("home_school")),
                SchoolCode.of(rs.getString("host_school")),
                rs.getObject("student_exchange_id", UUID.class),
                new VisitingStudent(
                                rs.getObject("student_exchange_id", UUID.class),
                                rs.getString("student_given_name"),
                                rs.getString("student_family_name"),
                                null,
                                null)
                        .displayName(),
                CourseCode.of(rs.getString("course_code")),
                rs.getString("course_title"),
                rs.getObject("course_start_date", LocalDate.class),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("last_changed_at").toInstant());
    }
}
