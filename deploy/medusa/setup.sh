#!/usr/bin/env bash
# setup.sh DIR — installs the kiosk's demo Medusa backend into DIR (idempotent; run it again at will).
#
#   1. checks Node.js (>= 20.19) and finds Debian's PostgreSQL server binaries;
#   2. copies our Medusa project (deploy/medusa/app: package.json, package-lock.json, tsconfig.json,
#      medusa-config.ts, src/scripts/seed-demo.ts) into DIR/app and installs the pinned packages with npm ci;
#   3. creates a private PostgreSQL cluster in DIR/pg (127.0.0.1 only, port chosen now and kept in
#      DIR/env, socket in DIR/pg/run), its role and database;
#   4. writes DIR/app/.env (database URL, JWT and cookie secrets generated on the first run);
#   5. runs `medusa db:migrate` (once per Medusa version) and the demo seed (skips what exists),
#      which writes the publishable API key to DIR/publishable-key.
# PostgreSQL is left as it was found (stopped, unless it was already running). Logs: DIR/*.log.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

T_ALL="$(now)"
check_node
need_dir_arg --create "$@"
say "setup: Medusa $MEDUSA_VERSION demo in $DIR"

# --- 1. prerequisites ----------------------------------------------------------------------------
say "node $(node --version), npm $(npm --version)"

if [ -f "$DIR/env" ]; then
  load_env
  [ -x "$PG_BIN/initdb" ] || die "$PG_BIN (from $DIR/env) has no initdb any more; install the postgresql package again or fix PG_BIN in $DIR/env"
  say "settings: kept from $DIR/env (PostgreSQL port $PG_PORT, user $PG_USER)"
else
  find_pg_bin
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to a system user of its own.
    PG_USER=medusa-demo
    if ! id -u "$PG_USER" >/dev/null 2>&1; then
      useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_USER" \
        || die "cannot create the system user $PG_USER for PostgreSQL"
      say "created system user $PG_USER (owner of the PostgreSQL cluster)"
    fi
  else
    PG_USER="$(id -un)"
  fi
  PG_PORT="$(free_port)"
  DB_NAME=medusa
  DB_USER=medusa
  DB_PASSWORD="$(random_secret 24)"
  JWT_SECRET="$(random_secret 32)"
  COOKIE_SECRET="$(random_secret 32)"
  umask_old="$(umask)"; umask 077
  cat >"$DIR/env" <<EOF
# written by deploy/medusa/setup.sh; read by start.sh and stop.sh
PG_BIN=$PG_BIN
PG_PORT=$PG_PORT
PG_USER=$PG_USER
DB_NAME=$DB_NAME
DB_USER=$DB_USER
DB_PASSWORD=$DB_PASSWORD
JWT_SECRET=$JWT_SECRET
COOKIE_SECRET=$COOKIE_SECRET
EOF
  umask "$umask_old"
  say "settings: written to $DIR/env (PostgreSQL port $PG_PORT, user $PG_USER)"
fi
say "postgresql: $("$PG_BIN/postgres" --version)"

if [ "$(id -u)" -eq 0 ] && [ "$PG_USER" != root ]; then
  runuser -u "$PG_USER" -- test -x "$DIR" \
    || die "user $PG_USER cannot reach $DIR (a parent directory is closed to other users, e.g. /root); choose a DIR under a world-searchable path such as /srv or /var/tmp"
fi
sock="$(PGRUN_DIR)/.s.PGSQL.$PG_PORT"
[ "${#sock}" -le 107 ] || die "DIR path is too long for PostgreSQL's unix socket ($sock is ${#sock} bytes, at most 107): choose a shorter DIR"

# --- 2. the Medusa project and its packages ------------------------------------------------------
APP="$DIR/app"
mkdir -p "$APP/src/scripts"
changed=0
for f in package.json package-lock.json tsconfig.json medusa-config.ts src/scripts/seed-demo.ts; do
  [ -f "$HERE/app/$f" ] || { [ "$f" = package-lock.json ] && continue; die "missing $HERE/app/$f"; }
  if ! cmp -s "$HERE/app/$f" "$APP/$f"; then
    install -m 644 "$HERE/app/$f" "$APP/$f"
    changed=1
  fi
done
if [ "$changed" -eq 1 ]; then say "app: project files copied to $APP"; else say "app: project files up to date"; fi

stamp="$(cat "$APP/package.json" "$APP/package-lock.json" 2>/dev/null | sha256sum | cut -c1-16) node-$(node --version)"
if [ -f "$APP/node_modules/.kiosk-install-stamp" ] && [ "$(cat "$APP/node_modules/.kiosk-install-stamp")" = "$stamp" ]; then
  say "npm: packages already installed"
else
  t="$(now)"
  # --ignore-scripts: no package needs its install script here (native binaries come as optional
  # packages), and npm 11 skips unapproved scripts anyway; this keeps npm 10 and 11 alike.
  if [ -f "$APP/package-lock.json" ]; then
    npm_cmd=(npm ci)
  else
    npm_cmd=(npm install)
  fi
  say "npm: ${npm_cmd[*]} (pinned @medusajs/* $MEDUSA_VERSION; a few minutes, log in $DIR/npm.log)"
  if ! (cd "$APP" && "${npm_cmd[@]}" --include=dev --ignore-scripts --no-audit --no-fund --loglevel=warn) >"$DIR/npm.log" 2>&1; then
    tail -n 20 "$DIR/npm.log" >&2
    die "npm failed (full log: $DIR/npm.log); the npm registry must be reachable"
  fi
  [ -f "$HERE/app/package-lock.json" ] || say "npm: no lock in $HERE/app; generated $APP/package-lock.json"
  printf '%s\n' "$stamp" >"$APP/node_modules/.kiosk-install-stamp"
  say "npm: installed in $(elapsed "$t")"
fi
installed="$(node -p 'require(process.argv[1]).version' "$APP/node_modules/@medusajs/medusa/package.json")"
[ "$installed" = "$MEDUSA_VERSION" ] || die "installed @medusajs/medusa is $installed, expected $MEDUSA_VERSION"

# --- 3. PostgreSQL cluster, role, database -----------------------------------------------------
PGDATA="$(PGDATA_DIR)"
PGRUN="$(PGRUN_DIR)"
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  if [ -d "$PGDATA" ] && [ -n "$(ls -A "$PGDATA")" ]; then
    die "$PGDATA exists but holds no cluster (an interrupted initdb?): remove $DIR/pg and run setup.sh again"
  fi
  t="$(now)"
  mkdir -p "$PGDATA" "$PGRUN"
  if [ "$(id -u)" -eq 0 ]; then chown -R "$PG_USER:" "$DIR/pg"; fi
  chmod 700 "$PGDATA" "$PGRUN"
  as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$DIR/initdb.log" 2>&1 \
    || { tail -n 20 "$DIR/initdb.log" >&2; die "initdb failed (log: $DIR/initdb.log)"; }
  printf "\n# kiosk demo: settings in kiosk.conf (written by deploy/medusa/setup.sh)\ninclude_if_exists = 'kiosk.conf'\n" \
    | as_pg tee -a "$PGDATA/postgresql.conf" >/dev/null
  say "postgresql: cluster created in $PGDATA in $(elapsed "$t")"
else
  say "postgresql: cluster exists in $PGDATA"
fi
# Loopback only, private socket; local socket connections are trusted, and only $PG_USER (and root)
# can enter $PGRUN. synchronous_commit=off: a demo may lose its last transactions in a crash, never
# its consistency, and migrations run much faster on slow disks.
conf="$(cat <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PGRUN'
unix_socket_permissions = 0700
max_connections = 60
synchronous_commit = off
log_timezone = 'UTC'
timezone = 'UTC'
EOF
)"
if [ "$(cat "$PGDATA/kiosk.conf" 2>/dev/null || true)" != "$conf" ]; then
  printf '%s\n' "$conf" | as_pg tee "$PGDATA/kiosk.conf" >/dev/null
  if pg_is_running; then
    note "PostgreSQL is running with old settings; restarting it"
    pg_stop
  fi
fi

STARTED_PG=0
cleanup() {
  if [ "$STARTED_PG" -eq 1 ]; then
    pg_stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
if ! pg_is_running; then
  pg_start
  STARTED_PG=1
fi

if [ -z "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" ]; then
  pg_psql -d postgres -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD'"
  say "postgresql: role $DB_USER created"
else
  say "postgresql: role $DB_USER exists"
fi
if [ -z "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
  pg_psql -d postgres -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\" ENCODING 'UTF8' TEMPLATE template0"
  say "postgresql: database $DB_NAME created"
else
  say "postgresql: database $DB_NAME exists"
fi

# --- 4. Medusa's environment ---------------------------------------------------------------------
envfile="$(cat <<EOF
# written by deploy/medusa/setup.sh from $DIR/env; loaded by the medusa CLI (dotenv)
DATABASE_URL=postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME
JWT_SECRET=$JWT_SECRET
COOKIE_SECRET=$COOKIE_SECRET
MEDUSA_DISABLE_TELEMETRY=true
EOF
)"
if [ "$(cat "$APP/.env" 2>/dev/null || true)" != "$envfile" ]; then
  (umask 077 && printf '%s\n' "$envfile" >"$APP/.env")
  say "app: $APP/.env written"
fi

# --- 5. migrations and the demo retailer ---------------------------------------------------------
medusa_env
cd "$APP"
migrated_stamp="$DIR/pg/medusa-migrated"
if [ "$(cat "$migrated_stamp" 2>/dev/null || true)" = "$MEDUSA_VERSION" ]; then
  say "migrate: database already migrated for Medusa $MEDUSA_VERSION"
else
  t="$(now)"
  say "migrate: medusa db:migrate (log in $DIR/migrate.log)"
  if ! npx --no-install medusa db:migrate >"$DIR/migrate.log" 2>&1; then
    tail -n 30 "$DIR/migrate.log" >&2
    die "medusa db:migrate failed (log: $DIR/migrate.log)"
  fi
  printf '%s\n' "$MEDUSA_VERSION" >"$migrated_stamp"
  say "migrate: done in $(elapsed "$t")"
fi

t="$(now)"
say "seed: medusa exec ./src/scripts/seed-demo.ts (log in $DIR/seed.log)"
if ! KIOSK_PUBLISHABLE_KEY_FILE="$DIR/publishable-key" npx --no-install medusa exec ./src/scripts/seed-demo.ts >"$DIR/seed.log" 2>&1; then
  tail -n 30 "$DIR/seed.log" >&2
  die "the demo seed failed (log: $DIR/seed.log)"
fi
grep -q 'seed-demo: done' "$DIR/seed.log" || { tail -n 30 "$DIR/seed.log" >&2; die "the demo seed did not finish (log: $DIR/seed.log)"; }
grep -o 'seed-demo: created.*' "$DIR/seed.log" | sed 's/^seed-demo: /seed: /' || true
grep -o 'seed-demo: done.*' "$DIR/seed.log" | sed 's/^seed-demo: /seed: /'
say "seed: finished in $(elapsed "$t")"
[ -s "$DIR/publishable-key" ] || die "the seed wrote no publishable key to $DIR/publishable-key"

cd /
say "publishable key: $(cat "$DIR/publishable-key") (in $DIR/publishable-key)"
say "setup: done in $(elapsed "$T_ALL"); $DIR takes $(du -sh "$DIR" | cut -f1). Next: deploy/medusa/start.sh $DIR"
