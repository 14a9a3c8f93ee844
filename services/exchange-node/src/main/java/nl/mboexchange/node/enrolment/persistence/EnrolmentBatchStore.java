package nl.mboexchange.node.enrolment.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.Erasure;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.result.ResultScale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads and stores many enrolments at once with explicit SQL: one query to load a batch, and one statement per
 * table to store it (new enrolments and result versions as a JDBC batch, which the driver sends as multi-row inserts;
 * changed enrolments as one update over arrays). Spring Data JDBC rewrites every child row of an aggregate on save;
 * here a result version is inserted once and only its receipt is updated later, and the immutable columns of an
 * enrolment are written once.
 */
@Component
class EnrolmentBatchStore {

    // The enrolments with their result versions in one round trip: a row per version, or one without for an
    // enrolment that has none; the version's columns are named apart from the enrolment's.
    private static final String SELECT_ENROLMENTS = """
            select e.*, r.attempt as r_attempt, r.version as r_version, r.kind as r_kind, r.grade as r_grade,
                r.final_result as r_final_result, r.assessed_on as r_assessed_on,
                r.correction_reason as r_correction_reason, r.revocation_reason as r_revocation_reason,
                r.event_id as r_event_id, r.occurred_at as r_occurred_at, r.receipt_event_id as r_receipt_event_id,
                r.acknowledged_at as r_acknowledged_at
            from enrolment e left join result_version r on r.enrolment_id = e.id
            where e.id = any(?)
            """;
    private static final String INSERT_ENROLMENT = """
            insert into enrolment (id, role, status, home_school, host_school,
                student_exchange_id, student_given_name, student_family_name, student_date_of_birth, student_email,
                course_code, course_offering_id, course_title, course_study_load_hours, course_start_date,
                course_end_date, course_result_scale, requested_at, acceptance_note, rejection_reason_code,
                rejection_reason_text, withdrawal_reason, last_changed_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            """;
    // One statement for the whole batch: a JDBC batch would run one update per enrolment.
    private static final String UPDATE_ENROLMENTS = """
            update enrolment e set status = v.status, acceptance_note = v.acceptance_note,
                rejection_reason_code = v.rejection_reason_code, rejection_reason_text = v.rejection_reason_text,
                withdrawal_reason = v.withdrawal_reason,
                last_changed_at = timestamptz 'epoch' + v.last_changed_micros * interval '1 microsecond',
                erasure_requested_at = timestamptz 'epoch' + v.erasure_requested_micros * interval '1 microsecond',
                erasure_request_event_id = v.erasure_request_event_id,
                erasure_confirmed_at = timestamptz 'epoch' + v.erasure_confirmed_micros * interval '1 microsecond',
                erasure_receipt_event_id = v.erasure_receipt_event_id,
                version = e.version + 1
            from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                        ?::bigint[], ?::uuid[], ?::bigint[], ?::uuid[])
                as v (id, version, status, acceptance_note, rejection_reason_code, rejection_reason_text,
                    withdrawal_reason, last_changed_micros, erasure_requested_micros, erasure_request_event_id,
                    erasure_confirmed_micros, erasure_receipt_event_id)
            where e.id = v.id and e.version = v.version
            returning e.id
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
        Map<UUID, EnrolmentEntity> entities = new HashMap<>();
        jdbc.query(con -> withIds(con.prepareStatement(SELECT_ENROLMENTS), uuids), (ResultSet rs) -> {
            UUID id = rs.getObject("id", UUID.class);
            EnrolmentEntity entity = entities.get(id);
            if (entity == null) {
                entity = enrolment(rs, new HashSet<>());
                entities.put(id, entity);
            }
            if (rs.getObject("r_attempt") != null) {
                entity.results().add(resultVersion(rs));
            }
        });
        entities.values().forEach(entity -> {
            Enrolment enrolment = EnrolmentMapper.toDomain(entity);
            loaded.put(enrolment.id(), enrolment);
        });
        return loaded;
    }

    List<Enrolment> loadRequestedFor(UUID exchangeId) {
        List<UUID> ids = jdbc.queryForList(
                "select id from enrolment where role = 'HOME' and student_exchange_id = ? order by requested_at, id",
                UUID.class,
                exchangeId);
        Map<EnrolmentId, Enrolment> loaded =
                loadAll(ids.stream().map(EnrolmentId::new).toList());
        return ids.stream().map(id -> loaded.get(new EnrolmentId(id))).toList();
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
            requireAllUpdated(changed, update(changed));
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

    /** Updates the changed enrolments whose version is still the one they were loaded with; returns their ids. */
    private Set<UUID> update(List<EnrolmentEntity> changed) {
        int size = changed.size();
        UUID[] ids = new UUID[size];
        Long[] versions = new Long[size];
        String[] statuses = new String[size];
        String[] notes = new String[size];
        String[] reasonCodes = new String[size];
        String[] reasonTexts = new String[size];
        String[] withdrawalReasons = new String[size];
        Long[] lastChanged = new Long[size];
        Long[] erasureRequested = new Long[size];
        UUID[] erasureRequests = new UUID[size];
        Long[] erasureConfirmed = new Long[size];
        UUID[] erasureReceipts = new UUID[size];
        for (int i = 0; i < size; i++) {
            EnrolmentEntity e = changed.get(i);
            ids[i] = e.id();
            versions[i] = e.version();
            statuses[i] = e.status();
            notes[i] = e.acceptanceNote();
            reasonCodes[i] = e.rejectionReasonCode();
            reasonTexts[i] = e.rejectionReasonText();
            withdrawalReasons[i] = e.withdrawalReason();
            lastChanged[i] = micros(e.lastChangedAt());
            if (e.erasure() != null) {
                erasureRequested[i] = micros(e.erasure().requestedAt());
                erasureRequests[i] = e.erasure().requestEventId();
                erasureConfirmed[i] = micros(e.erasure().confirmedAt());
                erasureReceipts[i] = e.erasure().receiptEventId();
            }
        }
        Set<UUID> updated = new HashSet<>();
        jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(UPDATE_ENROLMENTS);
                    ps.setArray(1, con.createArrayOf("uuid", ids));
                    ps.setArray(2, con.createArrayOf("bigint", versions));
                    ps.setArray(3, con.createArrayOf("text", statuses));
                    ps.setArray(4, con.createArrayOf("text", notes));
                    ps.setArray(5, con.createArrayOf("text", reasonCodes));
                    ps.setArray(6, con.createArrayOf("text", reasonTexts));
                    ps.setArray(7, con.createArrayOf("text", withdrawalReasons));
                    ps.setArray(8, con.createArrayOf("bigint", lastChanged));
                    ps.setArray(9, con.createArrayOf("bigint", erasureRequested));
                    ps.setArray(10, con.createArrayOf("uuid", erasureRequests));
                    ps.setArray(11, con.createArrayOf("bigint", erasureConfirmed));
                    ps.setArray(12, con.createArrayOf("uuid", erasureReceipts));
                    return ps;
                },
                (ResultSet rs) -> {
                    updated.add(rs.getObject(1, UUID.class));
                });
        return updated;
    }

    private static void requireAllUpdated(List<EnrolmentEntity> changed, Set<UUID> updated) {
        for (EnrolmentEntity entity : changed) {
            if (!updated.contains(entity.id())) {
                throw new OptimisticLockingFailureException("enrolment " + entity.id() + " was changed concurrently");
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
        ps.setString(11, e.course().courseCode().value());
        ps.setString(12, e.course().offeringId());
        ps.setString(13, e.course().title());
        ps.setInt(14, e.course().studyLoadHours());
        ps.setObject(15, e.course().startDate());
        ps.setObject(16, e.course().endDate());
        ps.setString(17, e.course().resultScale().name());
        ps.setTimestamp(18, timestamp(e.requestedAt()));
        ps.setString(19, e.acceptanceNote());
        ps.setString(20, e.rejectionReasonCode());
        ps.setString(21, e.rejectionReasonText());
        ps.setString(22, e.withdrawalReason());
        ps.setTimestamp(23, timestamp(e.lastChangedAt()));
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
                new VisitingStudent(
                        rs.getObject("student_exchange_id", UUID.class),
                        rs.getString("student_given_name"),
                        rs.getString("student_family_name"),
                        rs.getObject("student_date_of_birth", LocalDate.class),
                        rs.getString("student_email")),
                new CourseOffering(
                        CourseCode.of(rs.getString("course_code")),
                        rs.getString("course_offering_id"),
                        rs.getString("course_title"),
                        rs.getInt("course_study_load_hours"),
                        rs.getObject("course_start_date", LocalDate.class),
                        rs.getObject("course_end_date", LocalDate.class),
                        ResultScale.valueOf(rs.getString("course_result_scale"))),
                instant(rs.getTimestamp("requested_at")),
                rs.getString("acceptance_note"),
                rs.getString("rejection_reason_code"),
                rs.getString("rejection_reason_text"),
                rs.getString("withdrawal_reason"),
                instant(rs.getTimestamp("last_changed_at")),
                erasure(rs),
                results);
    }

    private static Erasure erasure(ResultSet rs) throws SQLException {
        UUID request = rs.getObject("erasure_request_event_id", UUID.class);
        if (request == null) {
            return null;
        }
        return new Erasure(
                instant(rs.getTimestamp("erasure_requested_at")),
                request,
                instant(rs.getTimestamp("erasure_confirmed_at")),
                rs.getObject("erasure_receipt_event_id", UUID.class));
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static ResultVersionEntity resultVersion(ResultSet rs) throws SQLException {
        return new ResultVersionEntity(
                rs.getInt("r_attempt"),
                rs.getInt("r_version"),
                rs.getString("r_kind"),
                rs.getString("r_grade"),
                rs.getObject("r_final_result", Boolean.class),
                rs.getObject("r_assessed_on", LocalDate.class),
                rs.getString("r_correction_reason"),
                rs.getString("r_revocation_reason"),
                rs.getObject("r_event_id", UUID.class),
                instant(rs.getTimestamp("r_occurred_at")),
                rs.getObject("r_receipt_event_id", UUID.class),
                instant(rs.getTimestamp("r_acknowledged_at")));
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
