-- An offering's key across the exchange (OfferingKey in the code): the name-based UUID, version 3, of
-- '<host school>/<host's offering id>', as java.util.UUID.nameUUIDFromBytes makes it from the UTF-8 bytes: the MD5
-- of the name, its version nibble set to 3 and its variant bits to 10. md5() hashes the text in the database's
-- encoding, UTF8 for every database of the project.
create function course_offering_key(host_school text, offering_id text) returns uuid
    language sql immutable strict parallel safe
    return (overlay(overlay(md5(host_school || '/' || offering_id) placing '3' from 13)
                    placing substr('89ab', (('x' || substr(md5(host_school || '/' || offering_id), 17, 1))::bit(4)::integer & 3) + 1, 1)
                    from 17))::uuid;

-- The enrolments of one offering, for the OOAPI view's /offerings/{offeringId}/associations.
create index enrolment_by_offering_key on enrolment (course_offering_key(host_school, course_offering_id));
