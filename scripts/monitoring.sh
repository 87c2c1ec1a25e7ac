#!/usr/bin/env bash
# Runs the generated monitoring stack: start | stop | restart | status | health | logs | backup | restore.
#
# With a Docker engine it drives generated/dev/simple-monitoring.yml (Prometheus, Alertmanager, Grafana).
# Without one it runs the same generated configuration natively on loopback: Debian's `prometheus` and
# `prometheus-alertmanager`, each with its own data folder, PID file and log; Grafana is not packaged by
# Debian and is reported as skipped. Everything it keeps lives under --home (default .monitoring/).
# Prometheus asks for a login (basic auth): the password is made at the first start and kept in the
# git-ignored .env (Docker) or <home>/secrets (native); Prometheus' web config holds only its bcrypt hash.
#
# Options (or environment variables):
#   --home DIR               MONITORING_HOME       state: config, data, logs, PIDs   (.monitoring)
#   --mode docker|native     MONITORING_MODE       default: docker when an engine answers, else native
#   --prometheus-port N      PROMETHEUS_PORT       native mode                        (9090)
#   --alertmanager-port N    ALERTMANAGER_PORT     native mode                        (9093)
#   --app-target HOST:PORT   APP_TARGET            native mode: where the app is      (127.0.0.1:80)
#   --config DIR             MONITORING_CONFIG     native mode: an already rendered environment folder
#                                                  (gen --environment test --set … --output X → X/test)
#   -f                                             logs: follow
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
home=${MONITORING_HOME:-$root/.monitoring}
mode=${MONITORING_MODE:-}
prometheus_port=${PROMETHEUS_PORT:-9090}
alertmanager_port=${ALERTMANAGER_PORT:-9093}
app_target=${APP_TARGET:-127.0.0.1:80}
config=${MONITORING_CONFIG:-}
follow=0
compose_file=$root/generated/dev/simple-monitoring.yml
env_file=$root/.env

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
say() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

command=${1:-}
[ -n "$command" ] || usage 1
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --home) home=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --prometheus-port) prometheus_port=$2; shift 2 ;;
    --alertmanager-port) alertmanager_port=$2; shift 2 ;;
    --app-target) app_target=$2; shift 2 ;;
    --config) config=$2; shift 2 ;;
    -f|--follow) follow=1; shift ;;
    -h|--help) usage 0 ;;
    *) if [ "$command" = backup ] || [ "$command" = restore ]; then archive=$1; shift; else fail "unknown option $1"; fi ;;
  esac
done
if [ -z "$mode" ]; then
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then mode=docker; else mode=native; fi
fi
mkdir -p "$home"
home=$(cd "$home" && pwd)

random_secret() { head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 32; }

# Passwords never live in a file the repo holds: a git-ignored .env, made once, mode 0600.
ensure_env_file() {
  [ -f "$env_file" ] && return
  (umask 077 && printf 'GF_SECURITY_ADMIN_PASSWORD=%s\nPROMETHEUS_BASIC_AUTH_PASSWORD=%s\n' "$(random_secret)" "$(random_secret)" > "$env_file")
  say "created $env_file with random Grafana admin and Prometheus passwords (mode 0600)"
}

# Prometheus' basic auth: the password file it and Grafana log in with, and a web config holding
# only the bcrypt hash, checked with promtool.
write_prometheus_secrets() {  # dir password
  command -v htpasswd >/dev/null || fail "htpasswd is missing (apt-get install apache2-utils): it makes the bcrypt hash"
  (umask 077 && mkdir -p "$1" && printf '%s' "$2" > "$1/password")
  (umask 077 && printf 'basic_auth_users:\n  prometheus: %s\n' "$(htpasswd -nbBC 10 prometheus "$2" | cut -d: -f2)" > "$1/web.yml")
  promtool check web-config "$1/web.yml" >/dev/null 2>&1 || fail "promtool check web-config rejected $1/web.yml"
}

prometheus_password() {  # the password of this mode's Prometheus
  if [ "$mode" = docker ]; then sed -n 's/^PROMETHEUS_BASIC_AUTH_PASSWORD=//p' "$env_file"; else cat "$home/secrets/password"; fi
}

# ----------------------------------------------------------------------------------------------- docker
compose() { docker compose --env-file "$env_file" -f "$compose_file" "$@"; }

docker_command() {
  case "$command" in
    start)
      ensure_env_file
      mkdir -p "$root/.secrets/alertmanager"
      write_prometheus_secrets "$root/.secrets/prometheus" "$(prometheus_password)"
      compose up -d --wait
      ;;
    stop) compose down ;;
    restart) compose restart ;;
    status|health) compose ps; check_health "http://127.0.0.1:9090" "http://127.0.0.1:9093" ;;
    logs) if [ "$follow" = 1 ]; then compose logs -f; else compose logs --tail=200; fi ;;
    backup|restore) fail "$command in docker mode: use the named volumes (docker run --rm -v prometheus_data:/data …), see README" ;;
    *) usage 1 ;;
  esac
}

# ----------------------------------------------------------------------------------------------- native
pid_file() { printf '%s/run/%s.pid' "$home" "$1"; }
log_file() { printf '%s/logs/%s.log' "$home" "$1"; }

running() {
  local file; file=$(pid_file "$1")
  [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_ready() {  # name url
  for _ in $(seq 1 60); do
    if curl -fs -o /dev/null -u "prometheus:$(prometheus_password)" "$2"; then return 0; fi
    running "$1" || { tail -20 "$(log_file "$1")" >&2; fail "$1 exited; log: $(log_file "$1")"; }
    sleep 0.5
  done
  fail "$1 not ready after 30s: $2"
}

# The configuration the native processes read: a rendered test environment with these ports.
prepare_config() {
  if [ -n "$config" ]; then
    config=$(cd "$config" && pwd)
    return
  fi
  local gen="$root/.build/debug/gen"
  [ -x "$gen" ] || (cd "$root" && swift build --product gen >/dev/null)
  "$gen" --environment test --output "$home/config" \
    --set "prometheus_port=$prometheus_port" --set "alertmanager_port=$alertmanager_port" \
    --set "app_target=$app_target" --set "no_connections_for=1m" --set "prometheus_secrets_dir=$home/secrets" >/dev/null
  config=$home/config/test
}

start_process() {  # name command...
  local name=$1; shift
  if running "$name"; then say "$name already running (PID $(cat "$(pid_file "$name")"))"; return; fi
  nohup "$@" >>"$(log_file "$name")" 2>&1 &
  echo $! > "$(pid_file "$name")"
}

stop_process() {
  local name=$1 file pid
  file=$(pid_file "$name")
  if ! running "$name"; then rm -f "$file"; say "$name: not running"; return; fi
  pid=$(cat "$file")
  kill -TERM "$pid"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  rm -f "$file"
  say "$name: stopped (PID $pid)"
}

native_start() {
  command -v prometheus >/dev/null || fail "prometheus is not installed (apt-get install prometheus prometheus-alertmanager)"
  command -v prometheus-alertmanager >/dev/null || fail "prometheus-alertmanager is not installed"
  mkdir -p "$home/run" "$home/logs" "$home/prometheus-data" "$home/alertmanager-data"
  [ -f "$home/secrets/password" ] || write_prometheus_secrets "$home/secrets" "$(random_secret)"
  prepare_config
  echo "$config" > "$home/run/config-dir"
  echo "$prometheus_port $alertmanager_port" > "$home/run/ports"
  for port in "$prometheus_port" "$alertmanager_port"; do
    running prometheus || running alertmanager || port_free "$port" || fail "port $port is in use; choose another with --prometheus-port/--alertmanager-port"
  done
  start_process alertmanager prometheus-alertmanager \
    --config.file="$config/alertmanager/alertmanager.yml" --storage.path="$home/alertmanager-data" \
    --web.listen-address="127.0.0.1:$alertmanager_port" --cluster.listen-address=
  start_process prometheus prometheus \
    --config.file="$config/prometheus/simple-prometheus.yml" --storage.tsdb.path="$home/prometheus-data" \
    --web.listen-address="127.0.0.1:$prometheus_port" --web.enable-lifecycle --web.enable-admin-api \
    --web.config.file="$home/secrets/web.yml"
  wait_ready alertmanager "http://127.0.0.1:$alertmanager_port/-/ready"
  wait_ready prometheus "http://127.0.0.1:$prometheus_port/-/ready"
  say "prometheus:   http://127.0.0.1:$prometheus_port   (PID $(cat "$(pid_file prometheus)"), config $config/prometheus)"
  say "alertmanager: http://127.0.0.1:$alertmanager_port   (PID $(cat "$(pid_file alertmanager)"))"
  say "grafana:      skipped: Debian does not package Grafana; with Docker, 'start' runs it from $compose_file"
}

native_ports() {
  if [ -f "$home/run/ports" ]; then read -r prometheus_port alertmanager_port < "$home/run/ports"; fi
}

# Targets, rule health and the app's metrics, like the seed's health script. Exit 1 when unhealthy.
check_health() {  # prometheus-url alertmanager-url
  local prom=$1 am=$2 unhealthy=0 login
  login="prometheus:$(prometheus_password)"
  if curl -fsS -o /dev/null -u "$login" "$prom/-/ready"; then say "Prometheus: healthy ($prom)"; else say "Prometheus: unhealthy ($prom)"; return 1; fi
  if curl -fsS -o /dev/null "$am/-/ready"; then say "Alertmanager: healthy ($am)"; else say "Alertmanager: unhealthy ($am)"; unhealthy=1; fi
  local targets rules metrics
  targets=$(curl -fsS -u "$login" "$prom/api/v1/targets?state=active" | python3 -c '
import json, sys
targets = json.load(sys.stdin)["data"]["activeTargets"]
down = [t["labels"]["job"] + " " + t["scrapeUrl"] + ": " + (t["lastError"] or t["health"]) for t in targets if t["health"] == "down"]
pending = sum(t["health"] == "unknown" for t in targets)
print(f"{len(targets) - len(down) - pending}/{len(targets)} up" + (f", {pending} not scraped yet" if pending else "")
      + "".join("\n  down: " + d for d in down))
sys.exit(1 if down or not targets else 0)') || unhealthy=1
  say "Targets: $targets"
  rules=$(curl -fsS -u "$login" "$prom/api/v1/rules" | python3 -c '
import json, sys
rules = [r for g in json.load(sys.stdin)["data"]["groups"] for r in g["rules"]]
bad = [r["name"] + ": " + r.get("lastError", "") for r in rules if r["health"] == "err"]
pending = sum(r["health"] == "unknown" for r in rules)
print(f"{len(rules) - len(bad) - pending}/{len(rules)} ok" + (f", {pending} not evaluated yet" if pending else "")
      + "".join("\n  failing: " + b for b in bad))
sys.exit(1 if bad else 0)') || unhealthy=1
  say "Rules: $rules"
  metrics=$(curl -fsS -u "$login" "$prom/api/v1/query" --data-urlencode 'query=app_active_connections' | python3 -c '
import json, sys
result = json.load(sys.stdin)["data"]["result"]
print("available" if result else "missing (is the app running and scraped?)")
sys.exit(0 if result else 1)') || unhealthy=1
  say "Application metrics: $metrics"
  return $unhealthy
}

native_command() {
  case "$command" in
    start) native_start ;;
    stop) stop_process prometheus; stop_process alertmanager ;;
    restart) native_ports; stop_process prometheus; stop_process alertmanager; native_start ;;
    status|health)
      native_ports
      for name in prometheus alertmanager; do
        if running "$name"; then say "$name: running (PID $(cat "$(pid_file "$name")"))"; else say "$name: stopped"; fi
      done
      say "grafana: skipped (not packaged by Debian; runs under Docker only)"
      running prometheus || exit 1
      check_health "http://127.0.0.1:$prometheus_port" "http://127.0.0.1:$alertmanager_port"
      ;;
    logs)
      local files=("$(log_file prometheus)" "$(log_file alertmanager)")
      if [ "$follow" = 1 ]; then tail -F "${files[@]}"; else tail -n 100 "${files[@]}"; fi
      ;;
    backup) native_backup ;;
    restore) native_restore ;;
    *) usage 1 ;;
  esac
}

# Backup: the configuration and both data folders. A running Prometheus is snapshotted through its
# admin API, so the archive holds a consistent TSDB.
native_backup() {
  native_ports
  archive=${archive:-$root/monitoring-backup-$(date +%Y%m%d-%H%M%S).tar.gz}
  local staging; staging=$(mktemp -d)
  mkdir -p "$staging/prometheus-data"
  if running prometheus; then
    local name
    name=$(curl -fsS -u "prometheus:$(prometheus_password)" -XPOST "http://127.0.0.1:$prometheus_port/api/v1/admin/tsdb/snapshot" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["name"])')
    cp -a "$home/prometheus-data/snapshots/$name/." "$staging/prometheus-data/"
    rm -rf "$home/prometheus-data/snapshots/$name"
  else
    cp -a "$home/prometheus-data/." "$staging/prometheus-data/" 2>/dev/null || true
  fi
  cp -a "$home/alertmanager-data" "$staging/alertmanager-data" 2>/dev/null || mkdir -p "$staging/alertmanager-data"
  if [ -f "$home/run/config-dir" ]; then cp -a "$(cat "$home/run/config-dir")" "$staging/config"; fi
  tar -czf "$archive" -C "$staging" .
  rm -rf "$staging"
  say "backup written to $archive"
}

native_restore() {
  [ -n "${archive:-}" ] && [ -f "$archive" ] || fail "restore needs an archive made by backup"
  local was_running=0
  if running prometheus || running alertmanager; then was_running=1; stop_process prometheus; stop_process alertmanager; fi
  rm -rf "$home/prometheus-data" "$home/alertmanager-data"
  mkdir -p "$home/prometheus-data" "$home/alertmanager-data"
  local staging; staging=$(mktemp -d)
  tar -xzf "$archive" -C "$staging"
  cp -a "$staging/prometheus-data/." "$home/prometheus-data/"
  cp -a "$staging/alertmanager-data/." "$home/alertmanager-data/"
  if [ -d "$staging/config" ]; then rm -rf "$home/restored-config"; cp -a "$staging/config" "$home/restored-config"; config=$home/restored-config; fi
  rm -rf "$staging"
  say "restored from $archive"
  if [ "$was_running" = 1 ]; then native_ports; native_start; fi
}

case "$mode" in
  docker) docker_command ;;
  native) native_command ;;
  *) fail "mode must be docker or native" ;;
esac
