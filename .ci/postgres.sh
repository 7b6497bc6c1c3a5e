#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: its own folder and port, never the machine's own.
#   source .ci/postgres.sh; pg_start DIR PORT; …; pg_stop
# Installs Debian's postgresql package when it is missing.
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

pg_install() {
	[ -x "$PG_BIN/initdb" ] && return 0
	echo "Installing Debian's PostgreSQL for the tests on the second engine…"
	apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null || return 1
	PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
}

pg_start() {
	PG_DIR="$1"
	PG_PORT="$2"
	rm -rf "$PG_DIR" && mkdir -p "$PG_DIR" && chown postgres "$PG_DIR" || return 1
	# initdb refuses root: the cluster belongs to the postgres user. C collation sorts like SQLite.
	runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust --no-locale -E UTF8 >"$PG_DIR/initdb.log" 2>&1 || {
		cat "$PG_DIR/initdb.log"; return 1; }
	runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
		-o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null || {
		cat "$PG_DIR/server.log"; return 1; }
	export PG_SERVER_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

pg_stop() {
	[ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
	return 0
}

# A new, empty database on the cluster; prints its URL.
pg_create_database() {
	"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create database $1" >/dev/null && \
		echo "postgres://postgres@127.0.0.1:$PG_PORT/$1"
}
