/// A link Grafana derives from each Loki log line (`jsonData.derivedFields`): a value found by a regex
/// (or a label), shown as a field, linking to a URL or to a trace of another datasource.
///
/// `${__value.raw}` in `url` is the value found; it is written `$${__value.raw}`, so Grafana's
/// provisioning does not read it as an environment variable.
/// ```swift
/// LokiDerivedField(name: "TraceID", matcherRegex: #"trace_id=(\w+)"#, url: "${__value.raw}", datasourceUID: "tempo")
/// ```
public struct LokiDerivedField: Hashable, Sendable {
  /// What `matcherRegex` is matched against.
  public enum MatcherType: String, Sendable {
    /// The log line; the first capture group is the value.
    case regex
    /// A label (or structured metadata) of that name; its value is the value.
    case label
  }

  public var name: String
  public var matcherRegex: String
  public var matcherType: MatcherType
  /// The link: a full URL, or the query of `datasourceUID` (for a trace id, `${__value.raw}`).
  public var url: String
  /// Links to this datasource (Tempo for trace ids) instead of an external URL.
  public var datasourceUID: String?
  /// The link's text in the log details.
  public var urlDisplayLabel: String?

  public init(
    name: String, matcherRegex: String, url: String, datasourceUID: String? = nil, matcherType: MatcherType = .regex,
    urlDisplayLabel: String? = nil
  ) {
    self.name = name
    self.matcherRegex = matcherRegex
    self.url = url
    self.datasourceUID = datasourceUID
    self.matcherType = matcherType
    self.urlDisplayLabel = urlDisplayLabel
  }

  /// The `jsonData.derivedFields` entry, `$` escaped as `$$` for the provisioning file.
  var json: JSONValue {
    var members: [String: JSONValue] = [
      "matcherRegex": .string(matcherRegex), "matcherType": .string(matcherType.rawValue), "name": .string(name),
      "url": .string(Datasource.escapingExpansion(url)),
    ]
    if let datasourceUID { members["datasourceUid"] = .string(datasourceUID) }
    if let urlDisplayLabel { members["urlDisplayLabel"] = .string(urlDisplayLabel) }
    return .object(members)
  }
}
