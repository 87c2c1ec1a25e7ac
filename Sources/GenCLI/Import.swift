import ArgumentParser

/// `gen import dashboard|rules|provisioning|prometheus|alertmanager|sloth FILE`: Swift for `specs/` from what users
/// already have. The Swift goes to stdout (or `--to FILE`), what the import changed or kept raw to stderr.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Turn an existing Grafana dashboard, provisioning file, Prometheus rule file, Prometheus or Alertmanager config, or Sloth SLO spec into a Swift spec.",
    subcommands: [
      ImportDashboard.self, ImportRules.self, ImportProvisioning.self, ImportPrometheus.self, ImportAlertmanager.self,
      ImportSloth.self, ImportCompare.self,
    ])
}
