#!/usr/bin/env python3
"""End-to-end test: the generated `test` environment against a real WebSocket app, Prometheus and
Alertmanager, all on free loopback ports, started and stopped by PID.

Usage: scripts/e2e.py GEN_BINARY APP_BINARY
It re-targets the committed `test` environment with `gen --environment test --set …` (no file is
edited), starts the app and `scripts/monitoring.sh start --mode native`, then checks: every target is
up; Prometheus' target metadata matches the metric catalogue; real WebSocket connections and messages
move app_active_connections and rate(app_messages_total) as expected; every rule is healthy; the
no-connections alert, driven by the live data, reaches Alertmanager and the receiver its spec names;
/-/reload with a regenerated config succeeds; backup and restore lose no data; and the app's graceful
shutdown is observed. Every step is time-bounded and printed with its duration."""
import asyncio, base64, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time
import urllib.error, urllib.parse, urllib.request

import websockets

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
started = time.monotonic()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def step(name):
    print(f"[{time.monotonic() - started:6.1f}s] {name}", flush=True)


# Prometheus asks for a login: monitoring.sh makes the password, the test reads it from the stack's home.
LOGIN = {}


def http(url, data=None, method=None):
    request = urllib.request.Request(url, data=data, method=method)
    for prefix, header in LOGIN.items():
        if url.startswith(prefix):
            request.add_header("Authorization", header)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read().decode()


def api(prom, path, **params):
    _, _, body = http(f"{prom}{path}?{urllib.parse.urlencode(params)}")
    return json.loads(body)["data"]


def query(prom, expr, at=None):
    params = {"query": expr}
    if at is not None:
        params["time"] = at
    return api(prom, "/api/v1/query", **params)["result"]


def wait_for(what, check, timeout):
    """Polls `check` until it returns something true; fails with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
            if last:
                return last
        except Exception as error:  # a server still starting answers with errors
            last = error
        time.sleep(1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last: {last!r})")


def value(prom, expr):
    result = query(prom, expr)
    return float(result[0]["value"][1]) if result else None


def main(gen, app_binary):
    tmp = tempfile.mkdtemp(prefix="e2e-")
    app_port, prom_port, am_port = free_port(), free_port(), free_port()
    prom, am, app = f"http://127.0.0.1:{prom_port}", f"http://127.0.0.1:{am_port}", f"http://127.0.0.1:{app_port}"
    stack = ["--mode", "native", "--home", f"{tmp}/stack", "--config", f"{tmp}/config/test",
             "--prometheus-port", str(prom_port), "--alertmanager-port", str(am_port)]
    monitoring = [f"{ROOT}/scripts/monitoring.sh"]
    settings = ["--set", f"prometheus_port={prom_port}", "--set", f"alertmanager_port={am_port}",
                "--set", f"app_target=127.0.0.1:{app_port}", "--set", f"prometheus_secrets_dir={tmp}/stack/secrets"]
    app_process = None
    try:
        step(f"render the test environment for ports app={app_port} prometheus={prom_port} alertmanager={am_port}")
        subprocess.run([gen, "--environment", "test", "--output", f"{tmp}/config"] + settings, check=True, stdout=subprocess.DEVNULL)
        catalogue = json.load(open(f"{tmp}/config/test/catalogue/metrics.json"))["metrics"]

        step("start the app")
        os.makedirs(f"{tmp}/state")
        app_log = open(f"{tmp}/app.log", "w")
        app_process = subprocess.Popen([app_binary, "--host", "127.0.0.1", "--port", str(app_port), "--state-dir", f"{tmp}/state"],
                                       stdout=app_log, stderr=subprocess.STDOUT)
        wait_for("the app's /health", lambda: http(f"{app}/health")[0] == 200, 30)
        status, headers, exposition = http(f"{app}/metrics")
        assert headers["Content-Type"].startswith("text/plain; version=0.0.4"), headers["Content-Type"]
        lint = subprocess.run(["promtool", "check", "metrics"], input=exposition, capture_output=True, text=True)
        assert lint.returncode == 0, f"promtool check metrics: {lint.stdout}{lint.stderr}"

        step("start Prometheus and Alertmanager with scripts/monitoring.sh")
        subprocess.run(monitoring + ["start"] + stack, check=True)
        password = open(f"{tmp}/stack/secrets/password").read()
        try:
            http(f"{prom}/api/v1/query?query=up")
            raise AssertionError("Prometheus answered without a login")
        except urllib.error.HTTPError as error:
            assert error.code == 401, error.code
        LOGIN[prom] = "Basic " + base64.b64encode(f"prometheus:{password}".encode()).decode()

        step("every target is up")
        def all_up():
            targets = api(prom, "/api/v1/targets", state="active")["activeTargets"]
            return len(targets) == 3 and all(t["health"] == "up" for t in targets)
        wait_for("all three targets (Prometheus with its login, the app, Alertmanager) up", all_up, 60)

        step("target metadata matches the metric catalogue")
        def metadata():
            found = api(prom, "/api/v1/targets/metadata", match_target='{job="websocket-app"}')
            return {m["metric"]: m["type"] for m in found} if found else None
        types = wait_for("target metadata", metadata, 30)
        mismatches = [f'{m["name"]}: catalogue {m["type"]}, target {types.get(m["name"])}' for m in catalogue
                      if types.get(m["name"]) != m["type"]]
        assert not mismatches, "metadata differs from the catalogue: " + "; ".join(mismatches)
        extra = sorted(name for name in types if name.startswith("app_") and name not in {m["name"] for m in catalogue})
        assert not extra, f"the app exports metrics the catalogue lacks: {extra}"

        step("real WebSocket connections move the metrics")
        asyncio.run(drive_websockets(app_port, prom))

        step("the errors sent raise the message-processing SLO's fast-burn ratios")
        slo = '{slo="message-processing",service="websocket"}'
        # The SLO group evaluates once a minute: the recordings follow the counters within a minute.
        burn = wait_for("a fast-burn error ratio above 0", lambda: (value(prom, f"slo:sli_error:ratio_rate5m{slo}") or 0) > 0, 90)
        ratio_5m, ratio_1h = value(prom, f"slo:sli_error:ratio_rate5m{slo}"), value(prom, f"slo:sli_error:ratio_rate1h{slo}")
        budget_left = value(prom, f"slo:period_error_budget_remaining:ratio{slo}")
        print(f"         5m ratio {ratio_5m:.4f}, 1h ratio {ratio_1h:.4f} (1 error in 61 messages: {1 / 61:.4f}); "
              f"burn rate {ratio_5m / 0.005:.1f}× the 0.5 % budget (the page fires above 14.4×); budget left {budget_left:.2f}", flush=True)
        assert burn and 0 < ratio_5m <= 1 and 0 < ratio_1h <= 1, "the recorded error ratios"
        assert abs(ratio_5m - 1 / 61) < 0.01, f"the 5m ratio {ratio_5m} is not near errors / messages"
        assert budget_left is not None and budget_left < 1, "the budget left did not move"

        step("every rule is healthy")
        # A group evaluates first up to its interval (1m for the SLO groups) after loading: until then its
        # rules' health is "unknown". An evaluation error makes it "err" at once.
        def evaluated():
            rules = [r for g in api(prom, "/api/v1/rules")["groups"] for r in g["rules"]]
            failed = [f"{r['name']}: {r.get('lastError', '')}" for r in rules if r["health"] == "err"]
            assert not failed, f"rules failing: {failed}"
            return rules if all(r["health"] == "ok" for r in rules) else None
        rules = wait_for("every rule evaluated", evaluated, 90)
        assert rules, "no rules loaded"

        step("no connections: the alert fires and reaches its receiver in Alertmanager")
        def routed():
            alerts = json.loads(http(f"{am}/api/v2/alerts?filter=" + urllib.parse.quote('alertname="WebSocketNoActiveConnections"'))[2])
            return alerts and [r["name"] for r in alerts[0]["receivers"]]
        receivers = wait_for("WebSocketNoActiveConnections in Alertmanager", routed, 120)
        assert receivers == ["websocket-team"], f"routed to {receivers}"

        # An alert has fired, so the panels of firing alerts have data too.
        login = ["--prometheus", prom, "--prometheus-user", "prometheus", "--prometheus-password-file", f"{tmp}/stack/secrets/password"]
        verify_seed(gen, settings + login, ["--alertmanager", am], tmp)
        diff_live(gen, settings, login + ["--alertmanager", am], tmp, prom)

        step("/-/reload with a regenerated config")
        subprocess.run([gen, "--environment", "test", "--output", f"{tmp}/config"] + settings + ["--set", "no_connections_for=30s"],
                       check=True, stdout=subprocess.DEVNULL)
        assert http(f"{prom}/-/reload", data=b"", method="POST")[0] == 200
        def reloaded():
            rules = [r for g in api(prom, "/api/v1/rules")["groups"] for r in g["rules"]]
            return any(r["name"] == "WebSocketNoActiveConnections" and r.get("duration") == 30 for r in rules)
        wait_for("the reloaded rule (for: 30s)", reloaded, 20)
        assert value(prom, "prometheus_config_last_reload_successful") == 1

        step("backup and restore keep the data")
        moment = time.time() - 5
        before = query(prom, "sum(app_messages_total)", at=moment)
        subprocess.run(monitoring + ["backup", f"{tmp}/backup.tar.gz"] + stack, check=True)
        subprocess.run(monitoring + ["stop"] + stack, check=True)
        shutil.rmtree(f"{tmp}/stack/prometheus-data")
        subprocess.run(monitoring + ["restore", f"{tmp}/backup.tar.gz"] + stack, check=True)
        subprocess.run(monitoring + ["start"] + stack, check=True)
        after = wait_for("the restored series", lambda: query(prom, "sum(app_messages_total)", at=moment), 30)
        assert before and after[0]["value"][1] == before[0]["value"][1], f"before {before}, after {after}"

        step("graceful shutdown is observed")
        app_process.send_signal(signal.SIGTERM)
        assert app_process.wait(timeout=30) == 0, "the app did not exit cleanly"
        app_process = subprocess.Popen([app_binary, "--host", "127.0.0.1", "--port", str(app_port), "--state-dir", f"{tmp}/state"],
                                       stdout=app_log, stderr=subprocess.STDOUT)
        wait_for("the restarted app", lambda: http(f"{app}/health")[0] == 200, 30)
        assert "app_shutdown_duration_seconds_count 1" in http(f"{app}/metrics")[2]

        step("status reports the restored stack healthy")
        wait_for("a healthy status", lambda: subprocess.run(monitoring + ["status"] + stack, stdout=subprocess.DEVNULL).returncode == 0, 40)
        subprocess.run(monitoring + ["status"] + stack, check=True)
        subprocess.run(monitoring + ["stop"] + stack, check=True)
        step("end-to-end test passed")
    finally:
        subprocess.run(monitoring + ["stop"] + stack, stdout=subprocess.DEVNULL)
        if app_process and app_process.poll() is None:
            app_process.kill()
            app_process.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def verify_seed(gen, arguments, alertmanager, tmp):
    """gen verify on the seed: every panel, variable and rule sees data, the firing alert is in
    Alertmanager; then two planted faults."""
    step("gen verify: every panel and rule of the seed sees data, the firing alert reaches Alertmanager")
    command = [gen, "verify", "--environment", "test", "--window", "10m"] + arguments
    # The stack is a minute old: a panel's 1h baseline (a subquery on minute steps) has data once a
    # minute boundary has two samples behind it, so an empty result is retried for a little while.
    deadline, attempts = time.monotonic() + 60, 0
    while True:
        attempts += 1
        began = time.monotonic()
        result = subprocess.run(command + alertmanager, capture_output=True, text=True, timeout=120)
        took = time.monotonic() - began
        # An empty result can be the stack's youth, and so can an expected-empty one: the alert
        # panels show ALERTS, which has a firing series only once WebSocketNoActiveConnections has
        # held for its `for`. A wrong or failed item (its status word starts the line) will not
        # change by waiting.
        everything_has_data = result.returncode == 0 and not re.search(r"^expected empty ", result.stdout, re.M)
        if everything_has_data or time.monotonic() > deadline or re.search(r"^(wrong|error) ", result.stdout, re.M):
            break
        time.sleep(5)
    print(result.stdout + result.stderr, end="", flush=True)
    print(f"         (gen verify took {took:.2f}s; attempt {attempts})")
    assert result.returncode == 0, f"gen verify found problems (exit {result.returncode})"
    rows = [line for line in result.stdout.splitlines() if " › " in line]
    dashboards = [json.load(open(os.path.join(folder, name))) for folder in [f"{tmp}/config/test/grafana/dashboards"]
                  for name in sorted(os.listdir(folder))]
    targets = sum(len(p.get("targets", [])) for d in dashboards for p in d["panels"] + [q for r in d["panels"] for q in r.get("panels", [])])
    checked = [line for line in rows if "› query " in line]
    assert len(checked) == targets, f"{len(checked)} queries verified, the dashboards have {targets}"
    without_data = [line for line in rows if not line.startswith("data")]
    assert not without_data, "not every item has data:\n" + "\n".join(without_data)
    rules = [line for line in rows if "› alert " in line or "› record " in line]
    assert rules, "no rule was verified"
    firing = [line for line in rows if "alert WebSocketNoActiveConnections" in line]
    assert firing and "firing, in Alertmanager → websocket-team" in firing[0], f"the firing alert: {firing}"
    delivery = [line for line in result.stdout.splitlines() if "Prometheus sends alerts to 1 Alertmanager" in line]
    assert delivery and 'alertmanager "' in delivery[0], "the delivery check"

    step("gen verify: a panel on a metric the app does not export, and a label it does not have, are reported")
    planted = dashboards[0]
    bottom = max(p["gridPos"]["y"] + p["gridPos"]["h"] for p in planted["panels"])
    planted["panels"] += [
        {"type": "timeseries", "title": "Planted: not exported", "gridPos": {"x": 0, "y": bottom, "w": 12, "h": 8},
         "targets": [{"refId": "A", "expr": "sum(rate(app_not_exported_total[5m]))"}]},
        {"type": "timeseries", "title": "Planted: no such label", "gridPos": {"x": 12, "y": bottom, "w": 12, "h": 8},
         "targets": [{"refId": "A", "expr": 'sum(rate(app_messages_total{instanse="127.0.0.1"}[5m]))'}]},
    ]
    with open(f"{tmp}/planted.json", "w") as handle:
        json.dump(planted, handle)
    began = time.monotonic()
    result = subprocess.run(command + ["--dashboard", f"{tmp}/planted.json"], capture_output=True, text=True, timeout=120)
    findings = [line for line in result.stdout.splitlines() if " › " in line and not line.startswith("data")]
    print("\n".join(findings) + f"\n         (gen verify took {time.monotonic() - began:.2f}s)", flush=True)
    assert result.returncode == 1, f"gen verify should fail on the planted faults (exit {result.returncode})"
    assert len(findings) == 2, f"expected the two planted panels, found {findings}"
    assert 'panel "Planted: not exported" › query A' in findings[0] and "no series named app_not_exported_total" in findings[0], findings[0]
    assert 'panel "Planted: no such label" › query A' in findings[1] and "label instanse is not on app_messages_total" in findings[1], findings[1]
    assert '(did you mean "instance"?)' in findings[1], findings[1]


def diff_live(gen, settings, servers, tmp, prom):
    """gen diff --live: nothing differs; a rule edited on the running Prometheus does, until regenerated."""
    command = [gen, "diff", "--live", "--environment", "test"] + settings + servers
    step("gen diff --live: the running servers have what the specs render")
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"gen diff --live before any edit (exit {result.returncode}):\n{result.stdout}{result.stderr}"

    step("gen diff --live: a rule edited in place on the running Prometheus and reloaded is reported")
    rules = f"{tmp}/config/test/prometheus/rules/websocket.rules.yml"
    text = open(rules).read()
    assert "< 0.1" in text, "the low-message-rate alert's threshold"
    with open(rules, "w") as handle:
        handle.write(text.replace("< 0.1", "< 0.5"))
    assert http(f"{prom}/-/reload", data=b"", method="POST")[0] == 200
    wait_for("the edited rule loaded", lambda: any("< 0.5" in r["query"] for g in api(prom, "/api/v1/rules")["groups"] for r in g["rules"]), 20)
    began = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    print(result.stdout + f"         (gen diff --live took {time.monotonic() - began:.2f}s)", flush=True)
    assert result.returncode == 1, f"gen diff --live should report the edit (exit {result.returncode}): {result.stderr}"
    assert 'rules "websocket.rules.yml" › group' in result.stdout and "~ expr:" in result.stdout and "0.5" in result.stdout, result.stdout

    step("gen diff --live: regenerated and reloaded, the drift is gone")
    subprocess.run([gen, "--environment", "test", "--output", f"{tmp}/config"] + settings, check=True, stdout=subprocess.DEVNULL)
    assert http(f"{prom}/-/reload", data=b"", method="POST")[0] == 200
    wait_for("the regenerated rule loaded", lambda: not any("< 0.5" in r["query"] for g in api(prom, "/api/v1/rules")["groups"] for r in g["rules"]), 20)
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"gen diff --live after regenerating (exit {result.returncode}):\n{result.stdout}{result.stderr}"


async def drive_websockets(app_port, prom):
    url = f"ws://127.0.0.1:{app_port}/ws"
    connections = [await websockets.connect(url, ping_interval=None) for _ in range(3)]
    for connection in connections:
        for index in range(20):
            await connection.send(f"message {index}")
            assert await connection.recv() == f"message {index}"
    await connections[0].send("error")
    await poll_async("3 active connections", lambda: value(prom, 'app_active_connections{job="websocket-app"}') == 3, 40)
    await poll_async("61 messages counted", lambda: value(prom, 'app_messages_total{job="websocket-app"}') == 61, 40)
    await poll_async("1 error counted", lambda: value(prom, 'app_errors_total{job="websocket-app"}') == 1, 40)
    await poll_async("a positive message rate", lambda: (value(prom, 'rate(app_messages_total{job="websocket-app"}[1m])') or 0) > 0, 40)
    for connection in connections:
        await connection.close()
    await poll_async("0 active connections", lambda: value(prom, 'app_active_connections{job="websocket-app"}') == 0, 40)
    await poll_async("3 connections opened and closed", lambda: value(prom, 'app_connections_closed_total{job="websocket-app"}') == 3, 40)


async def poll_async(what, check, timeout):
    await asyncio.get_running_loop().run_in_executor(None, wait_for, what, check, timeout)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
