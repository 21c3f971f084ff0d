#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on a loopback port for the service's tests and exports where it is:
#   CUSTOMEREMAIL_POSTGRES_URL   JDBC URL of its postgres database (tests create their own databases)
#   CUSTOMEREMAIL_POSTGRES_CTL   a command taking stop|start, for the outage test
# Source it:  . .ci/postgres.sh   (port: CUSTOMEREMAIL_POSTGRES_PORT, default 55432). Installs Debian's
# postgresql package when it is missing. Works as root (the server runs as the postgres user) or as a plain user.
set -euo pipefail
port=${CUSTOMEREMAIL_POSTGRES_PORT:-55432}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdata=$(mktemp -d /tmp/customer-email-pg.XXXXXX)
ctl="$pgdata.ctl"
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$pgdata"
  run_as_pg() { su postgres -s /bin/sh -c "$*"; }
else
  run_as_pg() { sh -c "$*"; }
fi
run_as_pg "$pgbin/initdb -D $pgdata -A trust -U postgres -E UTF8 --no-locale" >/dev/null
opts="-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
cat > "$ctl" <<CTL
#!/bin/sh
# stop|start the service tests' PostgreSQL server
if [ "\$1" = start ]; then cmd="$pgbin/pg_ctl -D $pgdata -o '$opts' -l $pgdata/server.log -w start"
else cmd="$pgbin/pg_ctl -D $pgdata -m fast -w stop"; fi
if [ "\$(id -u)" = 0 ]; then exec su postgres -s /bin/sh -c "\$cmd"; else exec sh -c "\$cmd"; fi
CTL
chmod 755 "$ctl"
"$ctl" start >/dev/null
export CUSTOMEREMAIL_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
export CUSTOMEREMAIL_POSTGRES_CTL="$ctl"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $pgdata)"
