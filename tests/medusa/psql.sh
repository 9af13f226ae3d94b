#!/usr/bin/env bash
# psql.sh DIR SQL — runs SQL against the Medusa database of the demo backend in DIR (installed by
# deploy/medusa/setup.sh, started by deploy/medusa/start.sh) and prints psql's raw answer (-tA: no
# header, no alignment, fields separated by "|", one row a line). As PostgreSQL's superuser, through
# the cluster's private unix socket (as the cluster's owner when run as root). Exit status: psql's
# (an SQL error stops it: ON_ERROR_STOP); 1 with one line when DIR is not set up or not running.
#   tests/medusa/psql.sh build/release/medusa 'SELECT count(*) FROM "order"'
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/../../deploy/medusa" && pwd)/lib.sh"

[ "$#" -eq 2 ] && [ -n "$2" ] || die "usage: $(basename "$0") DIR SQL"
need_dir_arg "$1"
load_env
pg_is_running || die "the PostgreSQL cluster of $DIR is not running: deploy/medusa/start.sh $DIR"
pg_psql -d "$DB_NAME" -tA -c "$2"
