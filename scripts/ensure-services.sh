#!/usr/bin/env bash
# Makes a fresh machine ready for `npm run demo` and `npm test`:
#   1. installs npm dependencies when node_modules is missing or older than the lockfile;
#   2. makes sure PostgreSQL and Redis answer locally, starting them when installed but
#      stopped, installing them from Debian's packages when absent and running as root;
#   3. creates the casework, casework_test and casework_e2e databases;
#   4. installs Debian's chromium (for the board pack's PDF) when absent and run as root.
# Otherwise it prints how to run infra/docker-compose.yml. Idempotent; safe to run often.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST_ADDR="${PGHOST:-127.0.0.1}"
PGPORT_NUM="${PGPORT:-5432}"
PGUSER_NAME="${PGUSER:-postgres}"
REDIS_PORT_NUM="${REDIS_PORT:-6379}"

say() { printf '\033[1m[services]\033[0m %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" = "0" ]; }

compose_hint() {
  say "$1"
  say "Start the services with Docker instead:  docker compose -f infra/docker-compose.yml up -d"
  say "then run this command again (DATABASE_URL / REDIS_URL may point elsewhere too)."
  exit 1
}

# --- 1. npm dependencies ------------------------------------------------------------
if [ -z "${CASEWORK_SKIP_INSTALL:-}" ]; then
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi

# --- 2a. PostgreSQL -----------------------------------------------------------------
pg_ready() { pg_isready -q -h "$PGHOST_ADDR" -p "$PGPORT_NUM" >/dev/null 2>&1; }
pg_ready_fallback() {
  # pg_isready may be missing where only the server is; try a TCP connect.
  (exec 3<>"/dev/tcp/$PGHOST_ADDR/$PGPORT_NUM") >/dev/null 2>&1
}
postgres_up() { if have pg_isready; then pg_ready; else pg_ready_fallback; fi; }

start_postgres() {
  if [ -d /etc/postgresql ] && have pg_ctlcluster; then
    local version
    for version in $(ls /etc/postgresql); do
      say "starting PostgreSQL $version"
      pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    done
    return 0
  fi
  return 1
}

if ! postgres_up; then
  if ! start_postgres; then
    if is_root && have apt-get; then
      say "PostgreSQL is not installed: installing it from Debian's packages"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      start_postgres || true
    else
      compose_hint "PostgreSQL is not running on $PGHOST_ADDR:$PGPORT_NUM and cannot be started from here."
    fi
  fi
  for _ in $(seq 1 60); do postgres_up && break; sleep 0.5; done
  postgres_up || compose_hint "PostgreSQL did not come up on $PGHOST_ADDR:$PGPORT_NUM."
fi

psql_admin() {
  if psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U "$PGUSER_NAME" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U "$PGUSER_NAME" -d postgres -Atq "$@"
  elif is_root && have runuser; then
    # Fresh Debian installs use peer auth on the socket: act as the postgres user.
    runuser -u postgres -- psql -d postgres -Atq "$@"
  else
    return 1
  fi
}

if have psql; then
  for db in casework casework_test casework_e2e; do
    exists="$(psql_admin -c "select 1 from pg_database where datname = '$db'" 2>/dev/null || true)"
    if [ "$exists" != "1" ]; then
      say "creating database $db"
      psql_admin -c "create database $db" >/dev/null || say "could not create $db (set DATABASE_URL to one you own)"
    fi
  done
fi

# --- 2b. Redis ----------------------------------------------------------------------
redis_up() { redis-cli -p "$REDIS_PORT_NUM" ping 2>/dev/null | grep -q PONG; }
start_redis() {
  mkdir -p /var/lib/redis 2>/dev/null || true
  local dir=/var/lib/redis
  [ -w "$dir" ] || dir="${TMPDIR:-/tmp}"
  say "starting Redis on port $REDIS_PORT_NUM (hz 100, noeviction, appendonly)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT_NUM" --hz 100 \
    --maxmemory-policy noeviction --appendonly yes --dir "$dir" >/dev/null
}

if ! have redis-server && ! have redis-cli; then
  if is_root && have apt-get; then
    say "Redis is not installed: installing it from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    compose_hint "Redis is not installed."
  fi
fi
if ! redis_up; then
  start_redis || compose_hint "Redis could not be started."
  for _ in $(seq 1 40); do redis_up && break; sleep 0.25; done
  redis_up || compose_hint "Redis did not come up on port $REDIS_PORT_NUM."
else
  # A Redis someone else started: BullMQ needs noeviction; timers fire sooner with hz 100.
  redis-cli -p "$REDIS_PORT_NUM" config set maxmemory-policy noeviction >/dev/null 2>&1 || true
  redis-cli -p "$REDIS_PORT_NUM" config set hz 100 >/dev/null 2>&1 || true
fi

# --- 2c. Chromium (the People board pack's PDF) --------------------------------------
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if is_root && have apt-get; then
    say "installing Chromium from Debian's packages (for the board pack's PDF)"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
      || say "could not install Chromium; the PDF test will say it was skipped"
  else
    say "Chromium not found: install Debian's chromium for the board pack's PDF (its test is skipped meanwhile)"
  fi
fi

say "PostgreSQL $PGHOST_ADDR:$PGPORT_NUM and Redis 127.0.0.1:$REDIS_PORT_NUM are ready"
