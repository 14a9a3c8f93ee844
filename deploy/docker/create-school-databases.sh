#!/bin/sh
# Creates a login role and a database owned by it for every school in $SCHOOLS (e.g. 25LX,30GH): school_25lx, ...
# Leaves what exists alone, so it runs at every start and a school added to $SCHOOLS gets its database.
# The password of school_<code> is $DB_PASSWORD_<CODE>, or the role's name when that is not set.
# Connects with the PG* variables (PGHOST, PGUSER, PGPASSWORD).
set -eu

for code in $(printf '%s' "${SCHOOLS:?SCHOOLS is not set}" | tr ',' ' '); do
  name="school_$(printf '%s' "$code" | tr 'A-Z' 'a-z')"
  password="$(printenv "DB_PASSWORD_$code" || printf '%s' "$name")"
  psql -v ON_ERROR_STOP=1 -q -v name="$name" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
SQL
  echo "database $name for school $code: ready"
done
