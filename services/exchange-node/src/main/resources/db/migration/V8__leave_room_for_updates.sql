-- An enrolment is updated with every event of its lifecycle, and a result version again when its receipt comes.
-- Room on each page for the new version of a row lets PostgreSQL keep an update that changes no indexed column on
-- the same page (a HOT update), without a new entry in each of the table's indexes. Pages written from now on keep it.
alter table enrolment set (fillfactor = 80);
alter table result_version set (fillfactor = 80);
