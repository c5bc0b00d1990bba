#!/usr/bin/env bash
# Backs up CraftMatch: the database (pg_dump, custom format) and the uploaded files (FILES_DIR, tar).
#
#   DATABASE_URL=postgres://… FILES_DIR=/srv/craftmatch/files deploy/backup.sh /srv/backups
#
# Writes <dir>/craftmatch-<UTC time>/{database.dump,files.tar.gz,SHA256SUMS} and prints that folder.
# Safe while the instances run: pg_dump reads one consistent snapshot. The database is dumped before
# the files, so every file row in the dump has its bytes in the archive (a file deleted in between is
# the only thing that can be missing). KEEP=n removes all but the newest n backups in <dir>.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL must name the database to back up}"
dest="${1:-${BACKUP_DIR:-}}"
[ -n "$dest" ] || { echo "usage: deploy/backup.sh <backup dir> (or BACKUP_DIR)" >&2; exit 64; }

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$dest/craftmatch-$stamp"
work="$target.partial"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$work/database.dump" "$DATABASE_URL"
if [ -n "${FILES_DIR:-}" ]; then
  [ -d "$FILES_DIR" ] || { echo "FILES_DIR=$FILES_DIR is not a folder" >&2; exit 66; }
  tar -C "$FILES_DIR" -czf "$work/files.tar.gz" .
fi
(cd "$work" && sha256sum -- * > SHA256SUMS)
mv "$work" "$target"
trap - EXIT

if [ -n "${KEEP:-}" ]; then
  # Backup names sort by time; drop the oldest beyond KEEP.
  find "$dest" -maxdepth 1 -type d -name 'craftmatch-*' ! -name '*.partial' | sort | head -n "-$KEEP" |
    while read -r old; do rm -rf -- "$old"; done
fi
echo "$target"
