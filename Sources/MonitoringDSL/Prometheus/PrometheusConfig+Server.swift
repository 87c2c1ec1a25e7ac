extension PrometheusConfig {
  /// Where the file goes under `prometheus/`: agents in `agent/`, so tools know to check them with
  /// `--agent`.
  /// ```swift
  /// PrometheusConfig("agent.yml") { … }.agent().path   // "agent/agent.yml"
  /// ```
  public var path: String { mode == .agent ? "agent/\(fileName)" : fileName }

  /// The command line that runs this config on its target release: the config file (at ``path``
  /// under `configFolder`), the storage its mode uses, and the flags its mode needs. Compose files
  /// and scripts start servers with it, so a config and its server's flags cannot drift apart.
  ///
  /// | the config is | 2.33 … 2.x | 3.x |
  /// |---|---|---|
  /// | an agent | `--enable-feature=agent`, `--storage.agent.path` | `--agent`, `--storage.agent.path` |
  /// | a server | `--storage.tsdb.path` | `--storage.tsdb.path` |
  /// | receiving remote writes | `--web.enable-remote-write-receiver` | the same |
  ///
  /// (2.25 to 2.32 had `--enable-feature=remote-write-receiver`, deprecated in 2.33.)
  /// ```swift
  /// PrometheusConfig("receiver.yml") { … }.receivingRemoteWrite()
  ///   .commandLine(configFolder: "/etc/prometheus", storagePath: "/prometheus")
  /// // ["--config.file=/etc/prometheus/receiver.yml", "--storage.tsdb.path=/prometheus",
  /// //  "--web.enable-remote-write-receiver"]
  /// ```
  public func commandLine(configFolder: String, storagePath: String) -> [String] {
    var flags = ["--config.file=\(configFolder)/\(path)"]
    switch mode {
    case .agent:
      flags += [target.major >= 3 ? "--agent" : "--enable-feature=agent", "--storage.agent.path=\(storagePath)"]
    case .server:
      flags.append("--storage.tsdb.path=\(storagePath)")
    }
    if receivesRemoteWrite { flags.append("--web.enable-remote-write-receiver") }
    return flags
  }
}
