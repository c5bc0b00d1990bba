#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh: the database and the uploaded files.
#
#   DATABASE_URL=postgres://… FILES_DIR=/srv/craftmatch/files deploy/restore.sh /srv/backups/craftmatch-…
#
# Stop every instance first. The database named by DATABASE_URL is created when missing; it must be
# empty, and FILES_DIR must be empty or missing, unless FORCE=1, which drops and recreates the database
# and empties FILES_DIR. The checksums are verified before anything is touched; the dump is restored in
# one transaction, so a failed restore leaves an empty database, never half of one.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL must name the database to restore into}"
src="${1:?usage: deploy/restore.sh <backup folder>}"
[ -f "$src/database.dump" ] || { echo "$src/database.dump not found" >&2; exit 66; }
(cd "$src" && sha256sum --quiet --check SHA256SUMS)

# The server's maintenance database (same server and credentials, database "postgres") and the name.
read -r admin_url db_name < <(node -e '
  const u = new URL(process.argv[1]);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  console.log(u.toString(), name);' "$DATABASE_URL")
quoted="\"${db_name//\"/\"\"}\""

exists="$(psql "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname = '${db_name//\'/\'\'}'")"
if [ "$exists" = "1" ]; then
  if [ "${FORCE:-}" = "1" ]; then
    psql "$admin_url" -qc "DROP DATABASE $quoted WITH (FORCE)"
    exists=""
  else
    tables="$(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog','information_schema')")"
    [ "$tables" = "0" ] || { echo "database $db_name is not empty (FORCE=1 replaces it)" >&2; exit 73; }
  fi
fi
[ "$exists" = "1" ] || psql "$admin_url" -qc "CREATE DATABASE $quoted"
pg_restore --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$DATABASE_URL" "$src/database.dump"

if [ -f "$src/files.tar.gz" ]; then
  : "${FILES_DIR:?the backup holds files: set FILES_DIR}"
  if [ -d "$FILES_DIR" ] && [ -n "$(ls -A "$FILES_DIR")" ]; then
    [ "${FORCE:-}" = "1" ] || { echo "FILES_DIR=$FILES_DIR is not empty (FORCE=1 replaces it)" >&2; exit 73; }
    find "$FILES_DIR" -mindepth 1 -delete
  fi
  mkdir -p "$FILES_DIR"
  tar -C "$FILES_DIR" -xzf "$src/files.tar.gz"
fi
echo "restored $src into $db_name${FILES_DIR:+ and $FILES_DIR}"
