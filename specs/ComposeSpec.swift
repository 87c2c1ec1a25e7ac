import MonitoringDSL

/// The seed's `simple-monitoring.yml`: Prometheus (9090), Grafana (3000) and Alertmanager (9093)
/// mounting the generated configuration read-only, with named volumes for their data, health checks,
/// restart policies and resource limits. No secret is in the file: Grafana's admin password comes
/// from the environment (a git-ignored `.env` that `scripts/monitoring.sh start` creates), and
/// Alertmanager's receiver secrets from a git-ignored folder.
enum ComposeSpec {
  /// Images pinned to the versions the generated files are written and checked for.
  static let prometheusImage = "prom/prometheus:v2.42.0"
  static let alertmanagerImage = "prom/alertmanager:v0.25.0"
  static let grafanaImage = "grafana/grafana:12.0.0"

  /// The seed's compose file, running `prometheus` (the stack's one Prometheus config).
  static func file(running prometheus: PrometheusConfig) -> ComposeFile {
    ComposeFile("simple-monitoring.yml", project: "simple-monitoring") {
      Self.prometheus(running: prometheus)
      alertmanager
      grafana
    }
  }

  /// A Prometheus server of the stack running `config`: its command line comes from the config (an
  /// agent's storage and flags differ from a server's, a receiver's too). An HA pair has one per
  /// replica, each with its own config file, loopback port and data volume.
  static func prometheus(
    _ name: String = "prometheus", running config: PrometheusConfig, port: Int = 9090, volume: String = "prometheus_data"
  ) -> ComposeService {
    let retention = config.mode == .server ? ["--storage.tsdb.retention.time=15d"] : []
    return ComposeService(name, image: prometheusImage)
      .command(
        config.commandLine(configFolder: "/etc/prometheus", storagePath: "/prometheus") + retention
          + ["--web.enable-lifecycle", "--web.config.file=/etc/prometheus-secrets/web.yml"])
      // Published on loopback only: Prometheus has no login of its own.
      .ports(["127.0.0.1:\(port):9090"])
      .bind("./prometheus", at: "/etc/prometheus")
      .bind("${PROMETHEUS_SECRETS_DIR:-../../.secrets/prometheus}", at: "/etc/prometheus-secrets")
      .volume(named: volume, at: "/prometheus")
      // The app runs on the host's port 80 (the seed's architecture).
      .extraHosts(["host.docker.internal:host-gateway"])
      // Every endpoint needs the login, the health check too ($$ escapes compose interpolation).
      .healthcheck([
        "CMD-SHELL", "wget -q --spider \"http://prometheus:$$(cat /etc/prometheus-secrets/password)@localhost:9090/-/healthy\"",
      ])
      .limits(cpus: "1.0", memory: "1G")
  }

  static var alertmanager: ComposeService {
    ComposeService("alertmanager", image: alertmanagerImage)
      .command(["--config.file=/etc/alertmanager/config/alertmanager.yml", "--storage.path=/alertmanager"])
      .ports(["127.0.0.1:9093:9093"])
      .bind("./alertmanager", at: "/etc/alertmanager/config")
      .bind(AlertmanagerSpec.secretsSource, at: AlertmanagerSpec.secrets)
      .volume(named: "alertmanager_data", at: "/alertmanager")
      .healthcheck(["CMD", "wget", "-q", "--spider", "http://localhost:9093/-/healthy"])
      .limits(cpus: "0.25", memory: "128M")
  }

  static var grafana: ComposeService { grafana() }

  static func grafana(_ name: String = "grafana", port: Int = 3000, volume: String = "grafana_data", dependsOn prometheus: String = "prometheus") -> ComposeService {
    ComposeService(name, image: grafanaImage)
      .ports(["\(port):3000"])
      .bind("./grafana/provisioning", at: "/etc/grafana/provisioning")
      .bind("./grafana/dashboards", at: Stack.dashboardsPath)
      .volume(named: volume, at: "/var/lib/grafana")
      .environment([
        "GF_SECURITY_ADMIN_USER": "admin",
        "GF_SECURITY_ADMIN_PASSWORD": "${GF_SECURITY_ADMIN_PASSWORD:?set it in .env; scripts/monitoring.sh start creates one}",
        "GF_USERS_ALLOW_SIGN_UP": "false",
        "GF_PATHS_PROVISIONING": "/etc/grafana/provisioning",
        "GF_METRICS_ENABLED": "true",
        "GF_METRICS_INTERVAL_SECONDS": "60",
        "GF_ANALYTICS_REPORTING_ENABLED": "false",
        "GF_SECURITY_DISABLE_GRAVATAR": "true",
        // Read by the datasource provisioning file (secureJsonData), never written into it.
        Stack.prometheusPasswordVariable: "${PROMETHEUS_BASIC_AUTH_PASSWORD:?set it in .env; scripts/monitoring.sh start creates one}",
      ])
      .dependsOn(prometheus)
      .healthcheck(["CMD", "wget", "-q", "--spider", "http://localhost:3000/api/health"])
      .limits(cpus: "0.5", memory: "512M")
  }

  /// Grafana's `[smtp]` settings (`GF_SMTP_*`) for the mail server the email receivers send through:
  /// Grafana-managed alerting sends email through them, not per contact point. The password is read
  /// from its file (`__FILE`), never written here.
  static func grafanaSMTP(_ smtp: SMTPSettings) -> [String: String] {
    var environment = [
      "GF_SMTP_ENABLED": "true", "GF_SMTP_HOST": smtp.smarthost, "GF_SMTP_FROM_ADDRESS": smtp.from,
      "GF_SMTP_STARTTLS_POLICY": smtp.requireTLS ? "MandatoryStartTLS" : "OpportunisticStartTLS",
    ]
    if let user = smtp.authUsername { environment["GF_SMTP_USER"] = user }
    if let file = smtp.authPasswordFile { environment["GF_SMTP_PASSWORD__FILE"] = file }
    if let hello = smtp.hello { environment["GF_SMTP_EHLO_IDENTITY"] = hello }
    return environment
  }
}
