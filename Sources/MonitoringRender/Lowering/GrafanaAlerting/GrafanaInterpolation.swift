/// What Grafana's provisioning does to a string before it uses it, and how to write text that comes
/// through unchanged.
///
/// Grafana reads most values of a provisioning file through `pkg/services/provisioning/values`:
/// each string is split at `$$`, every part is expanded (`$__file{path}`, `$__env{VAR}`, then
/// `os.ExpandEnv`: `$VAR` and `${VAR}`), and the parts are joined with `$`. So a `$` that must stay a
/// `$` (a PromQL regex anchor in a policy matcher, `{{ $labels.job }}` in a label or a Slack title)
/// is written `$$`. That applies to rule titles, labels, the policy tree and contact point settings;
/// query models, annotations (raw since Grafana 9.1; newer versions expand only `${…}`), mute timings
/// and templates are read as they are.
/// ```swift
/// GrafanaInterpolation.escaped(#"{{ $labels.job }} down"#)          // {{ $$labels.job }} down
/// GrafanaInterpolation.file("/etc/grafana/secrets/slack")            // $__file{/etc/grafana/secrets/slack}
/// ```
enum GrafanaInterpolation {
  /// `text` as Grafana's interpolation gives it back unchanged: every `$` doubled.
  static func escaped(_ text: String) -> String {
    guard text.contains("$") else { return text }
    var result = ""
    for character in text { result += character == "$" ? "$$" : String(character) }
    return result
  }

  /// A secret read from a file by Grafana's `$__file{…}` expander; `nil` when the path cannot be
  /// written so (`}` ends the reference, `$` would be expanded, blank is no path).
  static func file(_ path: String) -> String? {
    guard !path.isBlank, !path.contains("}"), !path.contains("$") else { return nil }
    return "$__file{\(path)}"
  }
}
