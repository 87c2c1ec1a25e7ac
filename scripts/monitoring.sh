#!/usr/bin/env bash
# Runs the generated monitoring stack: start | stop | restart | status | health | logs | backup | restore.
#
# With a Docker engine it drives generated/<environment>/simple-monitoring.yml: dev (Prometheus,
# Alertmanager, Grafana) by default, or grafana (Prometheus and Grafana, which evaluates and routes the
# alerts itself, reading the receiver secrets as files; missing ones get placeholders at start).
# Without one it runs the same generated configuration natively on loopback: Debian's `prometheus` and
# `prometheus-alertmanager`, each with its own data folder, PID file and log; Grafana is not packaged by
# Debian and is reported as skipped. Everything it keeps lives under --home (default .monitoring/).
# Prometheus asks for a login (basic auth): the password is made at the first start and kept in the
# git-ignored .env (Docker) or <home>/secrets (native); Prometheus' web config holds only its bcrypt hash.
# Native mode acts only on what it started: a PID file records the process' start time, the boot and
# the executable, and one naming any other process is reported and removed, never signalled.
#
# Options (or environment variables):
#   --home DIR               MONITORING_HOME       state: config, data, logs, PIDs   (.monitoring)
#   --mode docker|native     MONITORING_MODE       default: docker when an engine answers, else native
#   --environment dev|grafana MONITORING_ENVIRONMENT docker mode: the compose stack to run     (dev)
#   --prometheus-port N      PROMETHEUS_PORT       native mode                        (9090)
#   --alertmanager-port N    ALERTMANAGER_PORT     native mode                        (9093)
#   --app-target HOST:PORT   APP_TARGET            native mode: where the app is      (127.0.0.1:80)
#   --config DIR             MONITORING_CONFIG     native mode: an already rendered environment folder
#                                                  (gen --environment test --set … --output X → X/test)
#                            MONITORING_PORT_WAIT  native start: seconds to wait for a port still held
#                                                  (say by a process that just crashed)    (15)
#   -f                                             logs: follow
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
home=${MONITORING_HOME:-$root/.monitoring}
mode=${MONITORING_MODE:-}
prometheus_port=${PROMETHEUS_PORT:-9090}
alertmanager_port=${ALERTMANAGER_PORT:-9093}
# Ports asked for explicitly (option or environment): a running stack refuses to change them.
prometheus_port_given=${PROMETHEUS_PORT:+1}
alertmanager_port_given=${ALERTMANAGER_PORT:+1}
app_target=${APP_TARGET:-127.0.0.1:80}
config=${MONITORING_CONFIG:-}
port_wait=${MONITORING_PORT_WAIT:-15}
follow=0
environment=${MONITORING_ENVIRONMENT:-dev}
alertmanager_secrets=${ALERTMANAGER_SECRETS_DIR:-$root/.secrets/alertmanager}
env_file=$root/.env

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit "${1:-0}"; }
say() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Temporary files and folders, removed however the script ends.
cleanup_paths=()
# A start that ends early other than through abort_start stops what it had started too: bash 5.2.15
# can fail a command substitution with a syntax error when a signal's trap runs inside it, and
# `set -e` then exits from wherever the start was.
starting=0
on_exit() {
  local status=$?
  rm -rf "${cleanup_paths[@]}"
  if [ "$starting" = 1 ] && [ "$status" != 0 ]; then undo_start >&2; fi
}
trap on_exit EXIT

command=${1:-}
[ -n "$command" ] || usage 1
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --home) home=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --environment) environment=$2; shift 2 ;;
    --prometheus-port) prometheus_port=$2; prometheus_port_given=1; shift 2 ;;
    --alertmanager-port) alertmanager_port=$2; alertmanager_port_given=1; shift 2 ;;
    --app-target) app_target=$2; shift 2 ;;
    --config) config=$2; shift 2 ;;
    -f|--follow) follow=1; shift ;;
    -h|--help) usage 0 ;;
    *) if [ "$command" = backup ] || [ "$command" = restore ]; then archive=$1; shift; else fail "unknown option $1"; fi ;;
  esac
done
for port in "$prometheus_port" "$alertmanager_port"; do
  [[ "$port" =~ ^[1-9][0-9]{0,4}$ ]] && [ "$port" -le 65535 ] || fail "not a port: $port"
done
[[ "$port_wait" =~ ^[0-9]+$ ]] || fail "MONITORING_PORT_WAIT is not a number of seconds: $port_wait"
[[ "$environment" =~ ^[a-z0-9][a-z0-9-]*$ ]] || fail "not an environment name: $environment"
compose_file=$root/generated/$environment/simple-monitoring.yml
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
# only the bcrypt hash, checked with promtool. htpasswd reads the password from standard input (-i):
# no secret is ever an argument of a command, where any local user could read it in /proc/PID/cmdline.
write_prometheus_secrets() {  # dir password
  command -v htpasswd >/dev/null || fail "htpasswd is missing (apt-get install apache2-utils): it makes the bcrypt hash"
  local hash
  (umask 077 && mkdir -p "$1" && printf '%s' "$2" > "$1/password")
  hash=$(printf '%s' "$2" | htpasswd -niBC 10 prometheus | cut -d: -f2)
  [ -n "$hash" ] || fail "htpasswd made no hash"
  (umask 077 && printf 'basic_auth_users:\n  prometheus: %s\n' "$hash" > "$1/web.yml")
  promtool check web-config "$1/web.yml" >/dev/null 2>&1 || fail "promtool check web-config rejected $1/web.yml"
}

prometheus_password() {  # the password of this mode's Prometheus
  if [ "$mode" = docker ]; then sed -n 's/^PROMETHEUS_BASIC_AUTH_PASSWORD=//p' "$env_file"; else cat "$home/secrets/password"; fi
}

# curl reads its login as a config line (`user = "prometheus:…"`) from standard input (`-K -`), never
# from its command line.
prometheus_curl() {
  local password
  password=$(prometheus_password)
  password=${password//\\/\\\\}
  password=${password//\"/\\\"}
  curl --max-time 10 -K - "$@" <<< "user = \"prometheus:$password\""
}

# ----------------------------------------------------------------------------------------------- docker
compose() { docker compose --env-file "$env_file" -f "$compose_file" "$@"; }

# Grafana-managed alerting reads every receiver secret as a file when it starts (the contact points'
# $__file{…}, GF_SMTP_PASSWORD__FILE) and refuses to provision a missing one, where Alertmanager only
# reads them when it sends. The names come from the generated files: each path under the folder the
# compose file mounts the receiver secrets at. A missing one gets a placeholder (mode 0600) and a warning.
ensure_receiver_secrets() {
  local mount target names name
  mount=$(grep -o '\.secrets/alertmanager}:[^:]*' "$compose_file" | head -1) || true
  [ -n "$mount" ] || return 0
  target=${mount#*\}:}
  names=$(grep -rhoE "$target/[A-Za-z0-9._-]+" "$(dirname "$compose_file")" | sed "s|^$target/||" | sort -u) || true
  for name in $names; do
    [ -f "$alertmanager_secrets/$name" ] && continue
    case "$name" in
      *url*) (umask 077 && printf 'https://example.invalid/replace-me' > "$alertmanager_secrets/$name") ;;
      *) (umask 077 && printf 'replace-me' > "$alertmanager_secrets/$name") ;;
    esac
    warn "wrote a placeholder $alertmanager_secrets/$name: put the real secret there (Grafana reads it at start)"
  done
}

# The Alertmanager of the stack: none when Grafana routes the alerts itself.
compose_alertmanager_url() { if [ -d "$(dirname "$compose_file")/alertmanager" ]; then say "http://127.0.0.1:9093"; fi; }

docker_command() {
  [ -f "$compose_file" ] || fail "environment $environment has no compose stack ($compose_file); run 'swift run gen'"
  case "$command" in
    start)
      ensure_env_file
      (umask 077 && mkdir -p "$alertmanager_secrets")
      ensure_receiver_secrets
      write_prometheus_secrets "$root/.secrets/prometheus" "$(prometheus_password)"
      compose up -d --wait
      ;;
    stop) compose down ;;
    restart) compose restart ;;
    status|health) compose ps; check_health "http://127.0.0.1:9090" "$(compose_alertmanager_url)" ;;
    logs) if [ "$follow" = 1 ]; then compose logs -f; else compose logs --tail=200; fi ;;
    backup|restore) fail "$command in docker mode: use the named volumes (docker run --rm -v prometheus_data:/data …), see README" ;;
    *) usage 1 ;;
  esac
}

# ----------------------------------------------------------------------------------------------- native
# A PID file names the process this script started by four things: PID, start time (field 22 of
# /proc/PID/stat, clock ticks since boot), boot id and executable. It is trusted only while all four
# still match; anything else (a PID the kernel has since given to another process, a file from before
# a reboot, an older bare-PID file, a hand-written one) is reported and removed, and nothing is signalled.
pid_file() { printf '%s/run/%s.pid' "$home" "$1"; }
log_file() { printf '%s/logs/%s.log' "$home" "$1"; }
boot_id() { cat /proc/sys/kernel/random/boot_id 2>/dev/null || echo unknown; }
read_boot_id() { { read -r boot < /proc/sys/kernel/random/boot_id; } 2>/dev/null || boot=unknown; }  # into $boot
executable_of() { local name; name=$(command -v "$1") && readlink -f "$name"; }

proc_info() {  # pid → "STATE START_TIME" of a process that exists (a zombie included)
  read_proc_info "$1" && printf '%s %s' "$proc_state" "$proc_start"
}
read_proc_info() {  # pid → $proc_state, $proc_parent and $proc_start, without a command substitution
  local stat fields
  { read -r stat < "/proc/$1/stat"; } 2>/dev/null || return 1
  read -r -a fields <<< "${stat##*) }"   # past the command name, which may hold spaces and ')'
  proc_state=${fields[0]} proc_parent=${fields[1]} proc_start=${fields[19]}
}

alive_as() {  # pid start_time: that very process is still alive (not exited, not a zombie)
  local info
  info=$(proc_info "$1") || return 1
  case "${info%% *}" in Z|X|x) return 1 ;; esac
  [ "${info#* }" = "$2" ]
}

# Sets owned_pid and owned_start when the PID file of $1 names the live process this script started.
owned_pid=
owned_start=
owned() {  # name
  local name=$1 file key value pid='' start='' boot='' exe='' why='' info actual
  file=$(pid_file "$name")
  [ -f "$file" ] || return 1
  while IFS='=' read -r key value; do
    case "$key" in pid) pid=$value ;; start_time) start=$value ;; boot_id) boot=$value ;; exe) exe=$value ;; esac
  done < "$file"
  if ! [[ "$pid" =~ ^[1-9][0-9]*$ && "$start" =~ ^[0-9]+$ && -n "$boot" && -n "$exe" ]]; then
    pid=$(head -c 64 "$file" | tr -dc '0-9 ' | awk '{print $1}')
    why="the file does not record the start time, boot and executable of a process this script started"
  elif [ "$boot" != "$(boot_id)" ]; then
    why="it was written before the machine last booted"
  elif ! info=$(proc_info "$pid") || [[ "${info%% *}" =~ ^[ZXx]$ ]]; then
    rm -f "$file"
    say "$name: not running (PID $pid has exited); removed $file"
    return 1
  elif [ "${info#* }" != "$start" ]; then
    why="PID $pid now belongs to a process started at tick ${info#* }, not $start"
  else
    actual=$(readlink "/proc/$pid/exe" 2>/dev/null) || actual="(unreadable)"
    if [ "${actual% (deleted)}" != "$exe" ]; then why="PID $pid runs $actual, not $exe"; fi
  fi
  if [ -n "$why" ]; then
    rm -f "$file"
    warn "$name: $file names PID ${pid:-?}, which is not the process this script started ($why); removed the PID file, sent no signal"
    return 1
  fi
  owned_pid=$pid
  owned_start=$start
}

running() { owned "$1"; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Bounded: a process that just crashed or was stopped may still hold its port for a moment.
wait_port_free() {  # port seconds
  local deadline=$((SECONDS + $2))
  until port_free "$1"; do
    [ "$SECONDS" -lt "$deadline" ] && [ "$interrupted" = 0 ] || return 1
    sleep 0.25
  done
}

# 0: ready; 1: the process exited (its log is shown); 2: not ready within 30 s; 3: interrupted.
wait_ready() {  # name url
  local deadline=$((SECONDS + 30))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$interrupted" = 0 ] || return 3
    if prometheus_curl -fs -o /dev/null "$2" 2>/dev/null; then return 0; fi
    if ! running "$1"; then tail -20 "$(log_file "$1")" >&2 || true; return 1; fi
    sleep 0.5
  done
  return 2
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

write_atomically() {  # file text
  printf '%s\n' "$2" > "$1.tmp.$$" && mv -f "$1.tmp.$$" "$1"
}

start_process() {  # name executable args...
  local name=$1 executable pid log boot i
  shift
  executable=$(executable_of "$1") || fail "$1 is not installed"
  log=$(log_file "$name")
  nohup "$@" </dev/null >>"$log" 2>&1 9>&- &
  pid=$!
  forked_pid=$pid
  # From the fork to the PID file no command substitution runs (a signal could fail it, see on_exit).
  # The start time is fixed at the fork; the executable changes once nohup has exec'd the server.
  for ((i = 0; i < 200; i++)); do
    [ "/proc/$pid/exe" -ef "$executable" ] && break
    [ -e "/proc/$pid" ] || break
    sleep 0.05
  done
  read_proc_info "$pid" || proc_start=0
  read_boot_id
  write_atomically "$home/run/$name.pid" "pid=$pid
start_time=$proc_start
boot_id=$boot
exe=$executable"
  started+=("$name")
  forked_pid=
}

stop_process() {  # name
  local name=$1 pid start
  if ! running "$name"; then say "$name: not running"; return 0; fi
  pid=$owned_pid start=$owned_start
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do alive_as "$pid" "$start" || break; sleep 0.25; done
  if alive_as "$pid" "$start"; then
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do alive_as "$pid" "$start" || break; sleep 0.25; done
    alive_as "$pid" "$start" && fail "$name (PID $pid) is still running after SIGTERM and SIGKILL"
  fi
  rm -f "$(pid_file "$name")"
  say "$name: stopped (PID $pid)"
}

port_of() { if [ "$1" = prometheus ]; then say "$prometheus_port"; else say "$alertmanager_port"; fi; }
ready_url() { printf 'http://127.0.0.1:%s/-/ready' "$(port_of "$1")"; }

launch() {  # name
  case "$1" in
    alertmanager)
      start_process alertmanager prometheus-alertmanager \
        --config.file="$config/alertmanager/alertmanager.yml" --storage.path="$home/alertmanager-data" \
        --web.listen-address="127.0.0.1:$alertmanager_port" --cluster.listen-address= ;;
    prometheus)
      start_process prometheus prometheus \
        --config.file="$config/prometheus/simple-prometheus.yml" --storage.tsdb.path="$home/prometheus-data" \
        --web.listen-address="127.0.0.1:$prometheus_port" --web.enable-lifecycle --web.enable-admin-api \
        --web.config.file="$home/secrets/web.yml" ;;
  esac
}

# A failed start leaves nothing of its own behind: what this run started is stopped, by PID. From the
# moment start looks at the PID files, SIGINT and SIGTERM only set a flag, checked once each server has
# its PID file, so an interrupted start never leaves a server running, nor one without its PID file.
started=()
interrupted=0
check_interrupted() { [ "$interrupted" = 0 ] || abort_start "interrupted"; }
abort_start() {  # message
  local stopped="${started[*]}"
  undo_start >&2
  fail "$1; stopped what this start had started (${stopped:-nothing}), by PID"
}
forked_pid=
undo_start() {  # stops what this start started: by PID file, and a server forked without one yet by its PID
  local name i
  starting=0
  trap '' INT TERM  # nothing cuts the clean-up short (nor can a trap run inside its command substitutions)
  for name in "${started[@]}"; do stop_process "$name"; done
  # Only our own child: its parent is this shell, so the PID is still that server's.
  if [ -n "$forked_pid" ] && read_proc_info "$forked_pid" && [ "$proc_parent" = "$BASHPID" ]; then
    kill -TERM "$forked_pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do [ -e "/proc/$forked_pid" ] || break; sleep 0.25; done
    [ -e "/proc/$forked_pid" ] && kill -KILL "$forked_pid" 2>/dev/null
    say "PID $forked_pid: stopped (started, not yet recorded)"
    forked_pid=
  fi
}

native_start() {
  command -v prometheus >/dev/null || fail "prometheus is not installed (apt-get install prometheus prometheus-alertmanager)"
  command -v prometheus-alertmanager >/dev/null || fail "prometheus-alertmanager is not installed"
  mkdir -p "$home/run" "$home/logs" "$home/prometheus-data" "$home/alertmanager-data"
  local name already=() missing=() recorded_prometheus recorded_alertmanager
  started=() interrupted=0 starting=1
  trap 'interrupted=1' INT TERM
  for name in alertmanager prometheus; do
    if running "$name"; then already+=("$name"); else missing+=("$name"); fi
  done
  # A running stack keeps the ports it was started with.
  if [ ${#already[@]} -gt 0 ] && [ -f "$home/run/ports" ]; then
    read -r recorded_prometheus recorded_alertmanager < "$home/run/ports"
    if { [ -n "$prometheus_port_given" ] && [ "$prometheus_port" != "$recorded_prometheus" ]; } ||
       { [ -n "$alertmanager_port_given" ] && [ "$alertmanager_port" != "$recorded_alertmanager" ]; }; then
      fail "the stack runs with prometheus port $recorded_prometheus and alertmanager port $recorded_alertmanager" \
        "(${already[*]} running); it cannot change ports while running: stop it first, then start with the new ports"
    fi
    prometheus_port=$recorded_prometheus alertmanager_port=$recorded_alertmanager
    [ -n "$config" ] || config=$(cat "$home/run/config-dir" 2>/dev/null || true)
  fi
  if [ ${#missing[@]} -eq 0 ]; then
    say "already running: prometheus PID $(running prometheus && say "$owned_pid"), alertmanager PID $(running alertmanager && say "$owned_pid")"
    return 0
  fi
  [ -f "$home/secrets/password" ] || write_prometheus_secrets "$home/secrets" "$(random_secret)"
  prepare_config
  # Right after a crash or a stop the old process may still hold its port: wait for it, bounded.
  for name in "${missing[@]}"; do
    if ! wait_port_free "$(port_of "$name")" "$port_wait"; then
      check_interrupted
      fail "port $(port_of "$name") ($name) is still in use after ${port_wait}s, by a process this script did not start; choose another with --prometheus-port/--alertmanager-port"
    fi
  done
  check_interrupted
  write_atomically "$home/run/config-dir" "$config"
  write_atomically "$home/run/ports" "$prometheus_port $alertmanager_port"
  for name in "${missing[@]}"; do launch "$name"; check_interrupted; done
  local result
  for name in alertmanager prometheus; do
    result=0
    wait_ready "$name" "$(ready_url "$name")" || result=$?
    if [ "$result" = 1 ] && [[ " ${already[*]} " == *" $name "* ]] && [[ " ${started[*]} " != *" $name "* ]]; then
      # It was running when this start looked, and has just died: start it again, once.
      wait_port_free "$(port_of "$name")" "$port_wait" || abort_start "$name exited and its port $(port_of "$name") stays in use"
      launch "$name"
      check_interrupted
      result=0
      wait_ready "$name" "$(ready_url "$name")" || result=$?
    fi
    case "$result" in
      1) abort_start "$name exited while starting; log: $(log_file "$name")" ;;
      2) abort_start "$name not ready after 30s: $(ready_url "$name")" ;;
      3) abort_start "interrupted" ;;
    esac
  done
  check_interrupted
  starting=0
  # Everything is up: a signal from here on is too late to undo it (the flag trap stays to the end).
  say "prometheus:   http://127.0.0.1:$prometheus_port   (PID $(running prometheus && say "$owned_pid"), config $config/prometheus)"
  say "alertmanager: http://127.0.0.1:$alertmanager_port   (PID $(running alertmanager && say "$owned_pid"))"
  say "grafana:      skipped: Debian does not package Grafana; with Docker, 'start' runs it from $compose_file"
}

native_ports() {
  if [ -f "$home/run/ports" ]; then read -r prometheus_port alertmanager_port < "$home/run/ports"; fi
}

# Targets, rule health and the app's metrics, like the seed's health script. Exit 1 when unhealthy.
check_health() {  # prometheus-url alertmanager-url
  local prom=$1 am=$2 unhealthy=0
  if prometheus_curl -fsS -o /dev/null "$prom/-/ready"; then say "Prometheus: healthy ($prom)"; else say "Prometheus: unhealthy ($prom)"; return 1; fi
  if [ -z "$am" ]; then say "Alertmanager: none (Grafana evaluates and routes the alerts)"
  elif curl --max-time 10 -fsS -o /dev/null "$am/-/ready"; then say "Alertmanager: healthy ($am)"; else say "Alertmanager: unhealthy ($am)"; unhealthy=1; fi
  local targets rules metrics
  targets=$(prometheus_curl -fsS "$prom/api/v1/targets?state=active" | python3 -c '
import json, sys
targets = json.load(sys.stdin)["data"]["activeTargets"]
down = [t["labels"]["job"] + " " + t["scrapeUrl"] + ": " + (t["lastError"] or t["health"]) for t in targets if t["health"] == "down"]
pending = sum(t["health"] == "unknown" for t in targets)
print(f"{len(targets) - len(down) - pending}/{len(targets)} up" + (f", {pending} not scraped yet" if pending else "")
      + "".join("\n  down: " + d for d in down))
sys.exit(1 if down or not targets else 0)') || unhealthy=1
  say "Targets: $targets"
  rules=$(prometheus_curl -fsS "$prom/api/v1/rules" | python3 -c '
import json, sys
rules = [r for g in json.load(sys.stdin)["data"]["groups"] for r in g["rules"]]
bad = [r["name"] + ": " + r.get("lastError", "") for r in rules if r["health"] == "err"]
pending = sum(r["health"] == "unknown" for r in rules)
print(f"{len(rules) - len(bad) - pending}/{len(rules)} ok" + (f", {pending} not evaluated yet" if pending else "")
      + "".join("\n  failing: " + b for b in bad))
sys.exit(1 if bad else 0)') || unhealthy=1
  say "Rules: $rules"
  metrics=$(prometheus_curl -fsS "$prom/api/v1/query" --data-urlencode 'query=app_active_connections' | python3 -c '
import json, sys
result = json.load(sys.stdin)["data"]["result"]
print("available" if result else "missing (is the app running and scraped?)")
sys.exit(0 if result else 1)') || unhealthy=1
  say "Application metrics: $metrics"
  return $unhealthy
}

native_command() {
  [ "$environment" = dev ] || fail "--environment $environment: native mode runs the test environment; the compose stacks need Docker"
  # One command at a time per home: a second one waits (bounded) instead of racing on the PID files.
  mkdir -p "$home/run"
  if command -v flock >/dev/null && [ "$command" != logs ]; then
    exec 9>"$home/run/lock"
    flock -w 120 9 || fail "another monitoring.sh command holds $home/run/lock"
  fi
  case "$command" in
    start) native_start ;;
    stop) native_ports; stop_process prometheus; stop_process alertmanager ;;
    restart)
      local recorded_prometheus=$prometheus_port recorded_alertmanager=$alertmanager_port
      if { running prometheus || running alertmanager; } && [ -f "$home/run/ports" ]; then
        read -r recorded_prometheus recorded_alertmanager < "$home/run/ports"
        if { [ -n "$prometheus_port_given" ] && [ "$prometheus_port" != "$recorded_prometheus" ]; } ||
           { [ -n "$alertmanager_port_given" ] && [ "$alertmanager_port" != "$recorded_alertmanager" ]; }; then
          fail "the stack runs with prometheus port $recorded_prometheus and alertmanager port $recorded_alertmanager;" \
            "restart keeps them: stop it first, then start with the new ports"
        fi
        prometheus_port=$recorded_prometheus alertmanager_port=$recorded_alertmanager
        [ -n "$config" ] || config=$(cat "$home/run/config-dir" 2>/dev/null || true)
      fi
      stop_process prometheus; stop_process alertmanager; native_start ;;
    status|health)
      native_ports
      for name in prometheus alertmanager; do
        if running "$name"; then say "$name: running (PID $owned_pid)"; else say "$name: stopped"; fi
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
# admin API, so the archive holds a consistent TSDB. The archive holds exactly prometheus-data/,
# alertmanager-data/ and, when the stack has been started, config/; it appears only once complete.
native_backup() {
  native_ports
  archive=${archive:-$root/monitoring-backup-$(date +%Y%m%d-%H%M%S).tar.gz}
  local staging; staging=$(mktemp -d) && cleanup_paths+=("$staging")
  mkdir -p "$staging/prometheus-data"
  if running prometheus; then
    local name
    name=$(prometheus_curl -fsS -XPOST "http://127.0.0.1:$prometheus_port/api/v1/admin/tsdb/snapshot" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["name"])')
    [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] || fail "Prometheus answered the snapshot request with no usable name"
    cp -a "$home/prometheus-data/snapshots/$name/." "$staging/prometheus-data/"
    rm -rf "$home/prometheus-data/snapshots/$name"
  else
    cp -a "$home/prometheus-data/." "$staging/prometheus-data/" 2>/dev/null || true
  fi
  cp -a "$home/alertmanager-data" "$staging/alertmanager-data" 2>/dev/null || mkdir -p "$staging/alertmanager-data"
  if [ -f "$home/run/config-dir" ] && [ -d "$(cat "$home/run/config-dir")" ]; then cp -a "$(cat "$home/run/config-dir")" "$staging/config"; fi
  local partial="$archive.partial.$$"
  cleanup_paths+=("$partial")
  tar -czf "$partial" -C "$staging" .
  mv -f "$partial" "$archive"
  say "backup written to $archive"
}

# The whole archive is read before anything is stopped: an intact gzip stream, a readable tar, and
# exactly what backup writes (prometheus-data/ and alertmanager-data/ folders, optionally config/;
# only folders and regular files; no absolute path, no `..`).
check_archive() {  # archive
  local file=$1 names kinds index name top kind seen_prometheus=0 seen_alertmanager=0
  gzip -t "$file" 2>/dev/null || fail "restore: $file is not an intact gzip file (truncated, or not made by backup); nothing was changed"
  names=$(tar -tzf "$file" 2>/dev/null) || fail "restore: $file is not a readable tar archive; nothing was changed"
  kinds=$(tar -tvzf "$file" 2>/dev/null | cut -c1) || fail "restore: $file is not a readable tar archive; nothing was changed"
  local -a name_list kind_list
  mapfile -t name_list <<< "$names"
  mapfile -t kind_list <<< "$kinds"
  [ ${#name_list[@]} -eq ${#kind_list[@]} ] || fail "restore: cannot list $file consistently; nothing was changed"
  for index in "${!name_list[@]}"; do
    name=${name_list[$index]} kind=${kind_list[$index]}
    name=${name#./}
    [ -n "$name" ] || continue
    case "/$name/" in
      //*|*/../*|*/./*) fail "restore: $file holds an unsafe path '${name_list[$index]}'; nothing was changed" ;;
    esac
    top=${name%%/*}
    case "$top" in
      prometheus-data) seen_prometheus=1 ;;
      alertmanager-data) seen_alertmanager=1 ;;
      config) ;;
      *) fail "restore: $file holds '$top', which backup does not write (expected prometheus-data/, alertmanager-data/, config/); nothing was changed" ;;
    esac
    case "$kind" in
      d) ;;
      -) [ "$name" != "$top" ] || fail "restore: $top in $file is a file, not a folder; nothing was changed" ;;
      *) fail "restore: $file holds '${name_list[$index]}', neither a folder nor a regular file; nothing was changed" ;;
    esac
  done
  [ "$seen_prometheus" = 1 ] && [ "$seen_alertmanager" = 1 ] ||
    fail "restore: $file lacks prometheus-data/ or alertmanager-data/; nothing was changed"
}

# Restore: check the archive, extract it into a new folder next to the data, and only then stop the
# stack (if it runs), swap the folders by rename and start it again. The previous data is kept until
# the restored stack is up; on any failure it is put back and the stack left as it was.
native_restore() {
  [ -n "${archive:-}" ] && [ -f "$archive" ] || fail "restore needs an archive made by backup"
  check_archive "$archive"
  native_ports
  local new old item name previous_config was_running=()
  new=$(mktemp -d "$home/.restore-new.XXXXXX") && cleanup_paths+=("$new")
  tar -xzf "$archive" -C "$new" --no-same-owner || fail "restore: extracting $archive failed; nothing was changed"
  [ -d "$new/prometheus-data" ] && [ -d "$new/alertmanager-data" ] || fail "restore: $archive extracted without its data folders; nothing was changed"
  for name in prometheus alertmanager; do if running "$name"; then was_running+=("$name"); fi; done
  previous_config=$(cat "$home/run/config-dir" 2>/dev/null || true)
  [ -n "$config" ] || config=$previous_config
  # From here on a signal does not cut the swap short: it runs to its end, success or put back. Ignored
  # rather than trapped: a trap running inside a command substitution can fail it (bash 5.2.15).
  trap '' INT TERM
  if [ ${#was_running[@]} -gt 0 ]; then stop_process prometheus; stop_process alertmanager; fi

  # Not in cleanup_paths: it holds the previous data until the restored stack is in place.
  old=$(mktemp -d "$home/.restore-old.XXXXXX")
  local -a items=(prometheus-data alertmanager-data) swapped=()
  [ -d "$new/config" ] && { mv "$new/config" "$new/restored-config"; items+=(restored-config); }
  put_back() {
    local item
    for item in "${swapped[@]}"; do
      rm -rf "${home:?}/$item"
      if [ -e "$old/$item" ]; then mv "$old/$item" "$home/$item"; fi
    done
    swapped=()
    rmdir "$old" 2>/dev/null || warn "the previous data could not all be put back; what is left of it is in $old"
  }
  for item in "${items[@]}"; do
    if { [ ! -e "$home/$item" ] || mv "$home/$item" "$old/$item"; } && mv "$new/$item" "$home/$item"; then
      swapped+=("$item")
    else
      [ -e "$old/$item" ] && [ ! -e "$home/$item" ] && mv "$old/$item" "$home/$item"
      put_back
      restart_as_before "$previous_config"
      fail "restore: could not move the restored $item into place; the previous data is back"
    fi
  done
  [ -d "$home/restored-config" ] && [[ " ${items[*]} " == *" restored-config "* ]] && config=$home/restored-config
  if [ ${#was_running[@]} -gt 0 ]; then
    local result=0
    set +e; (set -e; native_start); result=$?; set -e
    if [ "$result" != 0 ]; then
      put_back
      restart_as_before "$previous_config"
      fail "restore: the stack did not start with the restored data; the previous data is back and the stack restarted"
    fi
  fi
  rm -rf "$old"
  say "restored from $archive"
}

restart_as_before() {  # config-dir the stack ran with
  [ ${#was_running[@]} -gt 0 ] || return 0
  config=$1
  set +e; (set -e; native_start); local result=$?; set -e
  [ "$result" = 0 ] || warn "the stack did not start again; see $(log_file prometheus) and $(log_file alertmanager)"
}

case "$mode" in
  docker) docker_command ;;
  native) native_command ;;
  *) fail "mode must be docker or native" ;;
esac
