# Shared by setup.sh, start.sh, stop.sh, verify-store-api.sh and tests/medusa/psql.sh (sourced, not
# run). Bash, set -euo pipefail in the callers.
#
# Layout of DIR:
#   DIR/env              what setup chose (PostgreSQL binaries, port, user, database credentials)
#   DIR/app/             the Medusa project (package.json, lock, medusa-config.ts, seed, node_modules, .env)
#   DIR/pg/data          the private PostgreSQL cluster;  DIR/pg/run  its unix socket
#   DIR/pg.log           PostgreSQL's log;  DIR/medusa.log, DIR/medusa.pid, DIR/medusa.port  Medusa's
#   DIR/publishable-key  the Store API's publishable key (header x-publishable-api-key)
#   DIR/url              http://127.0.0.1:PORT, written by the ctest fixture (tests/medusa/up.sh) only

MEDUSA_VERSION=2.21.2
NODE_MIN=20.19.0
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

say() { printf '%s\n' "$*"; }
note() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }
die() { printf '%s: error: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# need_dir_arg [--create] "$@": sets DIR (absolute, symbolic links resolved: PostgreSQL's user must
# reach it by its real path) from the only argument.
need_dir_arg() {
  local create=0
  if [ "${1:-}" = --create ]; then create=1; shift; fi
  [ "$#" -eq 1 ] && [ -n "$1" ] || die "usage: $(basename "$0") DIR"
  if [ ! -d "$1" ]; then
    [ "$create" -eq 1 ] || die "$1 does not exist: run deploy/medusa/setup.sh $1 first"
    mkdir -p "$1" || die "cannot create $1"
  fi
  DIR="$(cd "$1" && pwd -P)"
}

# Node.js >= 20.19 (Medusa 2.21's engines: ^20.19.0 || >=22.12.0).
check_node() {
  command -v node >/dev/null 2>&1 || die "Node.js not found. Medusa $MEDUSA_VERSION needs Node.js >= $NODE_MIN (20.19+ or 22.12+) with npm; install it (e.g. the nodejs package from NodeSource, or the official tarball) and put node and npm on PATH."
  command -v npm >/dev/null 2>&1 || die "npm not found next to node $(node --version). Install npm (it ships with the official Node.js builds)."
  local v major minor
  v="$(node --version)"; v="${v#v}"
  major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; } || { [ "$major" -eq 22 ] && [ "$minor" -lt 12 ]; } || [ "$major" -eq 21 ]; then
    die "Node.js v$v is too old for Medusa $MEDUSA_VERSION: install Node.js 20.19+ or 22.12+ (Debian 12's own nodejs is 18; use NodeSource's nodejs 20/22 package or the official tarball) and put it first on PATH."
  fi
}

# Debian's PostgreSQL server binaries (postgresql-NN): PG_BIN, else the newest /usr/lib/postgresql/*/bin.
find_pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/initdb" ] || die "PG_BIN=$PG_BIN has no initdb"
    return
  fi
  local best
  # the highest major version installed
  best="$(for d in /usr/lib/postgresql/*/bin; do if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; fi; done | sort -t/ -k4 -n | tail -n1)"
  [ -n "$best" ] || die "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: apt-get install postgresql (Debian 12 ships 15)"
  PG_BIN="$best"
}

# A TCP port free on 127.0.0.1 right now (the kernel picks it).
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'
}

# Whether 127.0.0.1:PORT can be listened on now: prints "free", or the error's code (EADDRINUSE when
# another program holds it, EACCES for a port below 1024 without the right to it, ...).
port_check() {
  node -e 'const s=require("net").createServer();s.once("error",e=>{process.stdout.write(String(e.code||e.message));process.exit(0)});s.listen(Number(process.argv[1]),"127.0.0.1",()=>{s.close(()=>{process.stdout.write("free");process.exit(0)})})' "$1"
}

port_in_use() { [ "$(port_check "$1")" != free ]; }

random_secret() {
  node -e 'process.stdout.write(require("crypto").randomBytes(Number(process.argv[1])).toString("hex"))' "${1:-32}"
}

# DIR/env holds plain KEY=value lines written by setup.sh only.
load_env() {
  [ -f "$DIR/env" ] || die "$DIR/env not found: run deploy/medusa/setup.sh $DIR first"
  local line key value
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    key="${line%%=*}"; value="${line#*=}"
    case "$key" in
      PG_BIN|PG_PORT|PG_USER|DB_NAME|DB_USER|DB_PASSWORD|JWT_SECRET|COOKIE_SECRET) printf -v "$key" '%s' "$value" ;;
    esac
  done <"$DIR/env"
  : "${PG_BIN:?missing in $DIR/env}" "${PG_PORT:?missing in $DIR/env}" "${PG_USER:?missing in $DIR/env}"
  : "${DB_NAME:?missing in $DIR/env}" "${DB_USER:?missing in $DIR/env}" "${DB_PASSWORD:?missing in $DIR/env}"
  : "${JWT_SECRET:?missing in $DIR/env}" "${COOKIE_SECRET:?missing in $DIR/env}"
}

PGDATA_DIR() { printf '%s' "$DIR/pg/data"; }
PGRUN_DIR() { printf '%s' "$DIR/pg/run"; }

# Runs a PostgreSQL command as the cluster's owner (initdb and postgres refuse to run as root), from
# / (the caller's directory may be closed to that user; every path given is absolute).
as_pg() {
  if [ "$(id -u)" -eq 0 ] && [ "$PG_USER" != root ]; then
    (cd / && runuser -u "$PG_USER" -- "$@")
  else
    "$@"
  fi
}

pg_is_running() {
  [ -f "$(PGDATA_DIR)/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$(PGDATA_DIR)" status >/dev/null 2>&1
}

pg_start() {
  if pg_is_running; then
    return 0
  fi
  if port_in_use "$PG_PORT"; then
    die "port $PG_PORT on 127.0.0.1 (chosen for PostgreSQL at setup, see $DIR/env) is taken by another program; stop it, or put a free port in PG_PORT in $DIR/env and run setup.sh again"
  fi
  touch "$DIR/pg.log"
  if [ "$(id -u)" -eq 0 ]; then chown "$PG_USER" "$DIR/pg.log"; fi
  as_pg "$PG_BIN/pg_ctl" -D "$(PGDATA_DIR)" -l "$DIR/pg.log" -w -t 60 start >/dev/null \
    || die "PostgreSQL did not start; see $DIR/pg.log"
}

pg_stop() {
  if pg_is_running; then
    as_pg "$PG_BIN/pg_ctl" -D "$(PGDATA_DIR)" -m fast -w -t 60 stop >/dev/null \
      || die "PostgreSQL did not stop; see $DIR/pg.log"
    return 0
  fi
  return 1
}

# psql as the cluster's superuser through the private unix socket.
pg_psql() {
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(PGRUN_DIR)" -p "$PG_PORT" -U postgres "$@"
}

# The pid in DIR/medusa.pid if that process is alive and is ours: start.sh launches Medusa in
# DIR/app, so a pid reused by another program after a reboot (its working directory elsewhere)
# does not count.
medusa_pid() {
  local pid cwd
  [ -f "$DIR/medusa.pid" ] || return 1
  pid="$(cat "$DIR/medusa.pid")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  if cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null)" && [ "$cwd" != "$DIR/app" ]; then
    return 1
  fi
  printf '%s' "$pid"
}

# Environment of every medusa command: no telemetry, and the CLI's own settings file (configstore,
# normally ~/.config/medusa/config.json) kept inside DIR, with telemetry off so it prints no banner.
medusa_env() {
  export MEDUSA_DISABLE_TELEMETRY=true
  export XDG_CONFIG_HOME="$DIR/.config"
  if [ ! -f "$DIR/.config/medusa/config.json" ]; then
    mkdir -p "$DIR/.config/medusa"
    printf '{\n  "telemetry": {\n    "enabled": false\n  }\n}\n' >"$DIR/.config/medusa/config.json"
  fi
}

# Seconds since the epoch with decimals, for the timings setup.sh prints.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
