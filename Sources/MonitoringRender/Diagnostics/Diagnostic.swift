import MonitoringDSL

/// A problem found in a spec, with the path to where it is.
/// ```swift
/// Diagnostic(path: [.dashboard("Ops"), .panel("CPU"), .query("B")], message: "expression is empty")
/// // dashboard "Ops" › panel "CPU" › query B: expression is empty
/// ```
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public var path: [PathElement]
  public var message: String

  public init(path: [PathElement], message: String) {
    self.path = path
    self.message = message
  }

  public var description: String {
    path.isEmpty ? message : path.map(\.description).joined(separator: " › ") + ": " + message
  }
}

/// One step of a diagnostic's path.
public enum PathElement: Hashable, Sendable, CustomStringConvertible {
  case environment(String)
  case dashboard(String)
  case row(String)
  case panel(String)
  case query(String)
  /// A panel's transformation, by its place in the list (from 1) and its id.
  case transformation(index: Int, id: String)
  case variable(String)
  case annotation(String)
  case datasource(String)
  case dashboardProvider(String)
  case prometheus(String)
  case scrapeJob(String)
  /// A job's service discovery mechanism: its kind (`kubernetes_sd`) and place in the job (from 1).
  case discovery(kind: String, index: Int)
  case rules(String)
  case group(String)
  case alert(String)
  case record(String)
  case alertmanager(String)
  /// A route of the Alertmanager routing tree: `root`, or its matchers as `{severity="critical"}`.
  case route(String)
  case receiver(String)
  case compose(String)
  case service(String)
  /// A `KubernetesDeployment`, by namespace.
  case kubernetes(String)
  case field(String)
  /// An output file that has no finer structure to point into.
  case file(String)

  public var description: String {
    switch self {
    case .environment(let name): "environment \(quoted(name))"
    case .dashboard(let title): "dashboard \(quoted(title))"
    case .row(let title): "row \(quoted(title))"
    case .panel(let title): "panel \(quoted(title))"
    case .query(let refID): "query \(refID)"
    case .transformation(let index, let id): "transformation \(index) \(quoted(id))"
    case .variable(let name): "variable \(quoted(name))"
    case .annotation(let name): "annotation \(quoted(name))"
    case .datasource(let name): "datasource \(quoted(name))"
    case .dashboardProvider(let name): "dashboard provider \(quoted(name))"
    case .prometheus(let file): "prometheus \(quoted(file))"
    case .scrapeJob(let name): "job \(quoted(name))"
    case .discovery(let kind, let index): "\(kind) \(index)"
    case .rules(let file): "rules \(quoted(file))"
    case .group(let name): "group \(quoted(name))"
    case .alert(let name): "alert \(name)"
    case .record(let name): "record \(name)"
    case .alertmanager(let file): "alertmanager \(quoted(file))"
    case .route(let matchers): "route \(matchers)"
    case .receiver(let name): "receiver \(quoted(name))"
    case .compose(let file): "compose \(quoted(file))"
    case .service(let name): "service \(quoted(name))"
    case .kubernetes(let namespace): "kubernetes \(quoted(namespace))"
    case .field(let name): name
    case .file(let path): "file \(quoted(path))"
    }
  }

  private func quoted(_ text: String) -> String { "\"\(text)\"" }
}

/// Collects diagnostics while a pass walks the model; each pass pushes the path it is in.
struct DiagnosticCollector {
  private(set) var diagnostics: [Diagnostic] = []

  mutating func report(_ path: [PathElement], _ message: String) {
    diagnostics.append(Diagnostic(path: path, message: message))
  }

  mutating func append(contentsOf other: [Diagnostic]) { diagnostics += other }

  /// The duration in milliseconds; `nil` after reporting that `what` is not a duration.
  @discardableResult
  mutating func milliseconds(of duration: PromDuration, _ what: String, at path: [PathElement]) -> Int? {
    guard let milliseconds = duration.milliseconds else {
      report(path, "\(what) \"\(duration.text)\" is not a duration (like 30s, 5m, 1h30m)")
      return nil
    }
    return milliseconds
  }
}

/// Thrown when a catalog does not validate: every problem at once, nothing rendered.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
