/// How urgent an alert is, the monitoring-mixins convention: `critical` pages, `warning` makes a
/// ticket, `info` is not routed to a person.
public enum Severity: String, Hashable, Sendable {
  case critical, warning, info
}
