package nl.mboexchange.node.enrolment.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads and stores many enrolments at once with explicit SQL: two queries to load a batch, and one JDBC batch per
 * table to store it. Spring Data JDBC rewrites every child row of an aggregate on save; here a result version is
 * inserted once and only its receipt is updated later, and the immutable columns of an enrolment are written once.
 */
@Component
class EnrolmentBatchStore {

    private static final String SELECT_ENROLMENTS = "select * from enrolment where id = any(?)";
    private static final String SELECT_RESULTS = "select * from result_version where enrolment_id = any(?)";
    private static final String INSERT_ENROLMENT = """
            insert into enrolment (id, role, status, home_school, host_school,
                student_exchange_id, student_given_name, student_family_name, student_date_of_birth, student_email,
                course_code, course_offering_id, course_title, course_study_load_hours, course_start_date,
                course_end_date, course_result_scale, requested_at, acceptance_note, rejection_reason_code,
                rejection_reason_text, withdrawal_reason, last_changed_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            """;
    private static final String UPDATE_ENROLMENT = """
            update enrolment set status = ?, acceptance_note = ?, rejection_reason_code = ?,
                rejection_reason_text = ?, withdrawal_reason = ?, last_changed_at = ?, version = version + 1
            where id = ? and version = ?
            """;
    private static final String UPSERT_RESULT_VERSION = """
            insert into result_version (enrolment_id, attempt, version, kind, grade, final_result, assessed_on,
                correction_reason, revocation_reason, event_id, occurred_at, receipt_event_id, acknowledged_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (enrolment_id, attempt, version) do update
                set receipt_event_id = excluded.receipt_event_id, acknowledged_at = excluded.acknowledged_at
                where result_version.receipt_event_id is null and excluded.receipt_event_id is not null
            """;

    private final JdbcTemplate jdbc;

    EnrolmentBatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<EnrolmentId, Enrolment> loadAll(Collection<EnrolmentId> ids) {
        Map<EnrolmentId, Enrolment> loaded = new HashMap<>();
        if (ids.isEmpty()) {
            return loaded;
        }
        UUID[] uuids = ids.stream().map(EnrolmentId::value).distinct().toArray(UUID[]::new);
        Map<UUID, Set<ResultVersionEntity>> results = new HashMap<>();
        jdbc.query(con -> withIds(con.prepareStatement(SELECT_RESULTS), uuids), (ResultSet rs) -> {
            results.computeIfAbsent(rs.getObject("enrolment_id", UUID.class), id -> new HashSet<>())
                    .add(resultVersion(rs));
        });
        jdbc.query(con -> withIds(con.prepareStatement(SELECT_ENROLMENTS), uuids), (ResultSet rs) -> {
            EnrolmentEntity entity = enrolment(rs, results.getOrDefault(rs.getObject("id", UUID.class), Set.of()));
            Enrolment enrolment = EnrolmentMapper.toDomain(entity);
            loaded.put(enrolment.id(), enrolment);
        });
        return loaded;
    }

    void storeAll(Collection<Enrolment> enrolments) {
        List<EnrolmentEntity> created = new ArrayList<>();
        List<EnrolmentEntity> changed = new ArrayList<>();
        for (Enrolment enrolment : enrolments) {
            EnrolmentEntity entity = EnrolmentMapper.toEntity(enrolment);
            (entity.version() == null ? created : changed).add(entity);
        }
        if (!created.isEmpty()) {
            jdbc.batchUpdate(INSERT_ENROLMENT, created, created.size(), EnrolmentBatchStore::setInsert);
        }
        if (!changed.isEmpty()) {
            int[][] counts =
                    jdbc.batchUpdate(UPDATE_ENROLMENT, changed, changed.size(), EnrolmentBatchStore::setUpdate);
            requireAllUpdated(changed, counts[0]);
        }
        List<Object[]> versions = new ArrayList<>();
        for (EnrolmentEntity entity : created.isEmpty() ? changed : concat(created, changed)) {
            entity.results().forEach(version -> versions.add(new Object[] {entity.id(), version}));
        }
        if (!versions.isEmpty()) {
            jdbc.batchUpdate(UPSERT_RESULT_VERSION, versions, versions.size(), (ps, row) -> {
                setResultVersion(ps, (UUID) row[0], (ResultVersionEntity) row[1]);
            });
        }
    }

    private static void requireAllUpdated(List<EnrolmentEntity> changed, int[] counts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new OptimisticLockingFailureException(
                        "enrolment " + changed.get(i).id() + " was changed concurrently");
            }
        }
    }

    private static void setInsert(PreparedStatement ps, EnrolmentEntity e) throws SQLException {
        ps.setObject(1, e.id());
        ps.setString(2, e.role());
        ps.setString(3, e.status());
        ps.setString(4, e.homeSchool());
        ps.setString(5, e.hostSchool());
        ps.setObject(6, e.student().exchangeId());
        ps.setString(7, e.student().givenName());
        ps.setString(8, e.student().familyName());
        ps.setObject(9, e.student().dateOfBirth());
        ps.setString(10, e.student().email());
        ps.setString(11, e.course().code());
        ps.setString(12, e.course().offeringId());
        ps.setString(13, e.course().title());
        ps.setInt(14, e.course().studyLoadHours());
        ps.setObject(15, e.course().startDate());
        ps.setObject(16, e.course().endDate());
        ps.setString(17, e.course().resultScale());
        ps.setTimestamp(18, timestamp(e.requestedAt()));
        ps.setString(19, e.acceptanceNote());
        ps.setString(20, e.rejectionReasonCode());
        ps.setString(21, e.rejectionReasonText());
        ps.setString(22, e.withdrawalReason());
        ps.setTimestamp(23, timestamp(e.lastChangedAt()));
    }

    private static void setUpdate(PreparedStatement ps, EnrolmentEntity e) throws SQLException {
        ps.setString(1, e.status());
        ps.setString(2, e.acceptanceNote());
        ps.setString(3, e.rejectionReasonCode());
        ps.setString(4, e.rejectionReasonText());
        ps.setString(5, e.withdrawalReason());
        ps.setTimestamp(6, timestamp(e.lastChangedAt()));
        ps.setObject(7, e.id());
        ps.setLong(8, e.version());
    }

    private static void setResultVersion(PreparedStatement ps, UUID enrolmentId, ResultVersionEntity v)
            throws SQLException {
        ps.setObject(1, enrolmentId);
        ps.setInt(2, v.attempt());
        ps.setInt(3, v.version());
        ps.setString(4, v.kind());
        ps.setString(5, v.grade());
        ps.setObject(6, v.finalResult(), Types.BOOLEAN);
        ps.setObject(7, v.assessedOn(), Types.DATE);
        ps.setString(8, v.correctionReason());
        ps.setString(9, v.revocationReason());
        ps.setObject(10, v.eventId());
        ps.setTimestamp(11, timestamp(v.occurredAt()));
        ps.setObject(12, v.receiptEventId(), Types.OTHER);
        ps.setTimestamp(13, timestamp(v.acknowledgedAt()));
    }

    private static EnrolmentEntity enrolment(ResultSet rs, Set<ResultVersionEntity> results) throws SQLException {
        return new EnrolmentEntity(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getString("role"),
                rs.getString("status"),
                rs.getString("home_school"),
                rs.getString("host_school"),
                new StudentColumns(
                        rs.getObject("student_exchange_id", UUID.class),
                        rs.getString("student_given_name"),
                        rs.getString("student_family_name"),
                        rs.getObject("student_date_of_birth", LocalDate.class),
                        rs.getString("student_email")),
                new CourseColumns(
                        rs.getString("course_code"),
                        rs.getString("course_offering_id"),
                        rs.getString("course_title"),
                        rs.getInt("course_study_load_hours"),
                        rs.getObject("course_start_date", LocalDate.class),
                        rs.getObject("course_end_date", LocalDate.class),
                        rs.getString("course_result_scale")),
                instant(rs.getTimestamp("requested_at")),
                rs.getString("acceptance_note"),
                rs.getString("rejection_reason_code"),
                rs.getString("rejection_reason_text"),
                rs.getString("withdrawal_reason"),
                instant(rs.getTimestamp("last_changed_at")),
                results);
    }

    private static ResultVersionEntity resultVersion(ResultSet rs) throws SQLException {
        return new ResultVersionEntity(
                rs.getInt("attempt"),
                rs.getInt("version"),
                rs.getString("kind"),
                rs.getString("grade"),
                rs.getObject("final_result", Boolean.class),
                rs.getObject("assessed_on", LocalDate.class),
                rs.getString("correction_reason"),
                rs.getString("revocation_reason"),
                rs.getObject("event_id", UUID.class),
                instant(rs.getTimestamp("occurred_at")),
                rs.getObject("receipt_event_id", UUID.class),
                instant(rs.getTimestamp("acknowledged_at")));
    }

    private static PreparedStatement withIds(PreparedStatement ps, UUID[] ids) throws SQLException {
        ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids));
        return ps;
    }

    private static List<EnrolmentEntity> concat(List<EnrolmentEntity> first, List<EnrolmentEntity> second) {
        List<EnrolmentEntity> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
