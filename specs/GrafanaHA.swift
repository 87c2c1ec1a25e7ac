import MonitoringDSL

/// Grafana in high availability, an option of the compose stack: every Grafana replica keeps its
/// state (users, annotations, alert state) in one PostgreSQL database instead of its own SQLite file,
/// and the replicas gossip alerting state. The database password is a file in the git-ignored
/// `.secrets/grafana/` (or `$GRAFANA_SECRETS_DIR`), read through Grafana's `__FILE` variables and
/// Postgres' `_FILE` variables; no password is in the compose file.
enum GrafanaHA {
  static let postgresImage = "postgres:16.4-bookworm"
  static let database = "grafana"
  static let secrets = "/run/secrets/grafana"
  static let passwordFile = "\(secrets)/database-password"
  static let secretsSource = "${GRAFANA_SECRETS_DIR:-../../.secrets/grafana}"

  static var postgres: ComposeService {
    ComposeService("postgres", image: postgresImage)
      .bind(secretsSource, at: secrets)
      .volume(named: "postgres_data", at: "/var/lib/postgresql/data")
      .environment(["POSTGRES_DB": database, "POSTGRES_USER": database, "POSTGRES_PASSWORD_FILE": passwordFile])
      .healthcheck(["CMD-SHELL", "pg_isready -U \(database) -d \(database)"])
      .limits(cpus: "0.5", memory: "256M")
  }

  /// A Grafana replica on the shared database; `peers` are every replica's gossip address.
  static func replica(_ grafana: ComposeService, peers: [String]) -> ComposeService {
    grafana
      .bind(secretsSource, at: secrets)
      .environment([
        "GF_DATABASE_TYPE": "postgres", "GF_DATABASE_HOST": "postgres:5432", "GF_DATABASE_NAME": database,
        "GF_DATABASE_USER": database, "GF_DATABASE_PASSWORD__FILE": passwordFile, "GF_DATABASE_SSL_MODE": "disable",
        "GF_UNIFIED_ALERTING_HA_PEERS": peers.map { "\($0):9094" }.joined(separator: ","),
        "GF_UNIFIED_ALERTING_HA_LISTEN_ADDRESS": "0.0.0.0:9094",
      ])
      .dependsOn("postgres")
  }
}
