#!/usr/bin/env python3
"""Scale-out end-to-end test: the generated `scale` environment running for real on loopback.

Usage: scripts/e2e-scale.py GEN_BINARY APP_BINARY
It renders the `scale` environment with every address pointed at a free loopback port
(`gen --environment scale --set …`; no file is edited), then starts each server with the command
line of its service in the generated compose file (container paths mapped to folders of a scratch
directory by the service's own volume list, plus a loopback listen address): the example app,
VictoriaMetrics, the receiving Prometheus, the HA pair (replica a and b), the global Prometheus
that federates the pair, and the agent. It checks that the app's series arrive in each store with
the expected external labels, that VictoriaMetrics holds one deduplicated series per app series,
that the federated recording rules equal the pair's, that stopping replica a leaves no gap longer
than two scrape intervals in VictoriaMetrics, and that a restarted replica a has its data back
from its write-ahead log and writes again. Every server is stopped by PID, also on failure; each
step prints its time."""
import base64, json, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.parse

import yaml

import e2e
from e2e import api, free_port, http, query, step, wait_for

SCRAPE_INTERVAL = 15  # seconds: Stack.scrapeInterval
APP_SELECTOR = '{job="websocket-app"}'


class Server:
    """One process of the stack, started from its compose service's command line."""

    def __init__(self, argv, log):
        self.argv, self.log = argv, log
        self.process = None

    def start(self):
        self.process = subprocess.Popen(self.argv, stdout=self.log, stderr=subprocess.STDOUT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def mount(volume):
    """A compose volume entry's source and target (the source may hold `:` itself, as in `${X:-y}`)."""
    head, _, last = volume.rpartition(":")
    return head.rpartition(":")[::2] if last in ("ro", "rw") else (head, last)


def local_command(service, folders, listen):
    """The compose service's command with each container path replaced by the local folder its
    volume entry names, and a loopback listen address."""
    command = list(service["command"])
    for volume in service["volumes"]:
        source, target = mount(volume)
        local = folders[source]
        # `/etc/prometheus` is a prefix of `/etc/prometheus-secrets`: a path matches up to a `/` or its end.
        command = [re.sub(f"={re.escape(target)}(?=/|$)", lambda _: f"={local}", argument) for argument in command]
    return command + listen


def export(vm, selector, start, end):
    """VictoriaMetrics' raw samples: one JSON line per series."""
    params = urllib.parse.urlencode({"match[]": selector, "start": start, "end": end})
    _, _, body = http(f"{vm}/api/v1/export?{params}")
    return [json.loads(line) for line in body.splitlines() if line.strip()]


def largest_gap(timestamps_ms):
    points = sorted(timestamps_ms)
    return max((b - a for a, b in zip(points, points[1:])), default=0) / 1000


def main(gen, app_binary):
    tmp = tempfile.mkdtemp(prefix="e2e-scale-")
    ports = {name: free_port() for name in ["app", "a", "b", "receiver", "vm", "global", "agent", "alertmanager"]}
    at = {name: f"127.0.0.1:{port}" for name, port in ports.items()}
    url = {name: f"http://{address}" for name, address in at.items()}
    secrets = f"{tmp}/secrets"
    settings = ["--set", f"app_target={at['app']}", "--set", f"prometheus_a={at['a']}", "--set", f"prometheus_b={at['b']}",
                "--set", f"receiver={at['receiver']}", "--set", f"victoriametrics={at['vm']}",
                # Nothing listens there: the pair's alerts are not what this test is about.
                "--set", f"alertmanager={at['alertmanager']}", "--set", f"prometheus_secrets_dir={secrets}"]
    servers, app_process = {}, None
    timings = {}
    try:
        step("render the scale environment for loopback: " + ", ".join(f"{k}={v}" for k, v in ports.items()))
        subprocess.run([gen, "--environment", "scale", "--output", f"{tmp}/config"] + settings, check=True, stdout=subprocess.DEVNULL)
        config = f"{tmp}/config/scale"
        compose = yaml.safe_load(open(f"{config}/simple-monitoring.yml"))["services"]

        step("the stack's login: a password and its bcrypt hash in the web config")
        os.makedirs(secrets, mode=0o700)
        password = "scale-" + os.urandom(12).hex()
        with open(f"{secrets}/password", "w") as handle:
            handle.write(password)
        hashed = subprocess.run(["htpasswd", "-niBC", "10", "prometheus"], input=password, capture_output=True, text=True, check=True)
        with open(f"{secrets}/web.yml", "w") as handle:
            handle.write(f"basic_auth_users:\n  prometheus: {hashed.stdout.strip().split(':', 1)[1]}\n")
        login = "Basic " + base64.b64encode(f"prometheus:{password}".encode()).decode()
        for name in ["a", "b", "receiver", "global", "agent"]:
            e2e.LOGIN[url[name]] = login

        step("start the app")
        os.makedirs(f"{tmp}/app")
        app_process = subprocess.Popen([app_binary, "--host", "127.0.0.1", "--port", str(ports["app"]), "--state-dir", f"{tmp}/app"],
                                       stdout=open(f"{tmp}/app.log", "w"), stderr=subprocess.STDOUT)
        wait_for("the app's /health", lambda: http(f"{url['app']}/health")[0] == 200, 30)

        step("start VictoriaMetrics and five Prometheus servers with their compose command lines")
        services = {"vm": "victoriametrics", "receiver": "prometheus-receiver", "a": "prometheus-a", "b": "prometheus-b",
                    "global": "prometheus-global", "agent": "prometheus-agent"}
        for name, service in services.items():
            spec = compose[service]
            folders = {"./prometheus": f"{config}/prometheus",
                       "${PROMETHEUS_SECRETS_DIR:-../../.secrets/prometheus}": secrets}
            for volume in spec["volumes"]:
                source = mount(volume)[0]
                folders.setdefault(source, f"{tmp}/data/{source}")
            if name == "vm":
                binary = "victoria-metrics"
                command = [argument.replace("-httpListenAddr=:8428", f"-httpListenAddr={at['vm']}")
                           for argument in local_command(spec, folders, [])]
            else:
                binary = "prometheus"
                command = local_command(spec, folders, [f"--web.listen-address={at[name]}"])
            servers[name] = Server([binary] + command, open(f"{tmp}/{service}.log", "w"))
            print(f"         {service}: {binary} {' '.join(command)}", flush=True)
            servers[name].start()
        began = time.monotonic()
        wait_for("VictoriaMetrics' /health", lambda: http(f"{url['vm']}/health")[0] == 200, 30)
        for name in ["receiver", "a", "b", "global", "agent"]:
            wait_for(f"{services[name]} ready", lambda: http(f"{url[name]}/-/ready")[0] == 200, 30)
        timings["servers ready"] = time.monotonic() - began

        step("the app's series arrive in the receiver from both replicas and the agent, with their external labels")
        began = time.monotonic()
        def receiver_up():
            series = query(url["receiver"], f"up{APP_SELECTOR}")
            return series if len(series) == 3 else None
        received = wait_for("up of the app from a, b and the agent in the receiver", receiver_up, 60)
        origins = sorted((s["metric"].get("monitor"), s["metric"].get("replica", "-")) for s in received)
        print(f"         up{APP_SELECTOR} in the receiver: {origins}", flush=True)
        assert origins == [("edge-agent", "-"), ("simple-monitoring", "a"), ("simple-monitoring", "b")], origins
        timings["first samples in the receiver"] = time.monotonic() - began
        first_sample = time.time()

        step("VictoriaMetrics: one series per app series, without the replica label")
        def pair_series():
            counts = [len(query(url[r], '{__name__=~"app_.*"}')) for r in ["a", "b"]]
            vm_count = len(query(url["vm"], '{__name__=~"app_.*"}'))
            return (counts, vm_count) if vm_count and vm_count == counts[0] == counts[1] else None
        counts, vm_count = wait_for("VictoriaMetrics to hold every app series of the pair", pair_series, 60)
        vm_up = query(url["vm"], f"up{APP_SELECTOR}")
        assert len(vm_up) == 1 and "replica" not in vm_up[0]["metric"], vm_up
        assert vm_up[0]["metric"].get("monitor") == "simple-monitoring", vm_up
        receiver_app = len(query(url["receiver"], '{__name__=~"app_.*", replica=~"a|b"}'))
        print(f"         app series: {counts[0]} on each replica, {receiver_app} in the receiver (both replicas), "
              f"{vm_count} in VictoriaMetrics", flush=True)
        assert receiver_app == 2 * vm_count, f"the receiver holds {receiver_app}, expected both replicas' {2 * vm_count}"
        step("federation: the global server's recording rules equal the pair's")
        began = time.monotonic()
        def federated():
            series = query(url["global"], '{__name__=~"job:.*"}')
            return series if {s["metric"].get("replica") for s in series} == {"a", "b"} else None
        # The global server scrapes once a minute (its spec): the first scrape comes within a minute.
        global_series = wait_for("the pair's recording rules on the global server", federated, 90)
        compared = 0
        for series in global_series:
            labels = dict(series["metric"])
            stamp, federated_value = series["value"]
            replica = labels["replica"]
            # The federated sample keeps its timestamp: the replica's value at that instant is the same sample.
            selector = "{" + ",".join(f'{k}="{v}"' for k, v in labels.items() if k not in ("replica", "monitor")) + "}"
            local = query(url[replica], selector, at=stamp)
            assert local and local[0]["value"][1] == federated_value, f"{labels}: {federated_value} federated, {local} on {replica}"
            compared += 1
        timings["federated series equal"] = time.monotonic() - began
        print(f"         {compared} federated series equal their replica's samples", flush=True)

        step("VictoriaMetrics: the pair's samples deduplicated")
        # Both replicas scrape every 15 s: without deduplication VictoriaMetrics would hold both
        # replicas' samples. The window ends a scrape interval ago, so remote write has delivered it.
        window = 3 * SCRAPE_INTERVAL
        end = first_sample + window + 2 * SCRAPE_INTERVAL
        time.sleep(max(0, end - time.time()))
        end -= SCRAPE_INTERVAL
        kept = len(export(url["vm"], f"up{APP_SELECTOR}", end - window, end)[0]["timestamps"])
        raw = [len(query(url[r], f"up{APP_SELECTOR}[{window}s]", at=end)[0]["values"]) for r in ["a", "b"]]
        print(f"         samples of up in a {window}s window: a {raw[0]}, b {raw[1]}, VictoriaMetrics {kept}", flush=True)
        assert 0 < kept <= max(raw) + 1 < sum(raw), "VictoriaMetrics did not deduplicate the pair"

        step("stop replica a: data keeps flowing through b")
        stopped_at = time.time()
        servers["a"].stop()
        time.sleep(3 * SCRAPE_INTERVAL)
        samples = export(url["vm"], f"up{APP_SELECTOR}", stopped_at - 4 * SCRAPE_INTERVAL, time.time())
        gap = largest_gap(samples[0]["timestamps"])
        print(f"         longest gap in VictoriaMetrics around the stop: {gap:.1f}s (limit {2 * SCRAPE_INTERVAL}s)", flush=True)
        assert gap <= 2 * SCRAPE_INTERVAL, f"a gap of {gap}s"

        step("restart replica a: its data is back from the write-ahead log, and it writes again")
        began = time.monotonic()
        restarted_at = time.time()
        servers["a"].start()
        wait_for("replica a ready again", lambda: http(f"{url['a']}/-/ready")[0] == 200, 60)
        before = query(url["a"], f"count_over_time(up{APP_SELECTOR}[{3 * SCRAPE_INTERVAL}s])", at=stopped_at)
        assert before and float(before[0]["value"][1]) >= 2, f"replica a lost its samples from before the stop: {before}"
        def written_again():
            series = query(url["receiver"], f'timestamp(up{{job="websocket-app",replica="a"}})')
            return series and float(series[0]["value"][1]) > restarted_at
        wait_for("a sample from the restarted replica a in the receiver", written_again, 60)
        timings["replica a back and writing"] = time.monotonic() - began
        print(f"         replica a kept {before[0]['value'][1]} samples of up from before the stop", flush=True)

        step("timings: " + ", ".join(f"{name} {seconds:.1f}s" for name, seconds in timings.items()))
        step("scale-out test passed")
    finally:
        for server in servers.values():
            server.stop()
        if app_process and app_process.poll() is None:
            app_process.kill()
            app_process.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
