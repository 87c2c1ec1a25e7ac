import MonitoringDSL
import MonitoringRender

/// A one-dashboard catalog with the usual Prometheus datasource, for render and validation tests.
func catalog(_ dashboard: Dashboard) -> Catalog {
  Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
    dashboard
  }
}

/// A dashboard holding `items`, with the test datasource as default.
func dashboard(@DashboardBuilder _ items: () -> [DashboardItem]) -> Dashboard {
  Dashboard("Test", uid: "test", items: items).datasource(.prometheus("prom"))
}

/// The lowered JSON of the dashboard's panels in their top-level order.
func renderedPanels(_ dashboard: Dashboard) -> [JSONValue] {
  let (placed, _) = GridLayout.place(dashboard)
  guard case .array(let panels)? = DashboardLowering.json(dashboard, placed: placed)["panels"] else { return [] }
  return panels
}

/// The lowered JSON of a single panel placed alone on a test dashboard.
func renderedPanel(_ panel: Panel) -> JSONValue {
  renderedPanels(dashboard { panel }).first ?? .null
}

/// The diagnostics rendering the catalog reports, as text; empty when it renders.
func diagnostics(_ catalog: Catalog) -> [String] {
  do {
    _ = try Renderer.render(catalog)
    return []
  } catch {
    return error.diagnostics.map(\.description)
  }
}

extension JSONValue {
  /// Follows a path of object keys and array indices.
  subscript(path: Any...) -> JSONValue? {
    var current: JSONValue? = self
    for step in path {
      switch (current, step) {
      case (.object(let members)?, let key as String): current = members[key]
      case (.array(let elements)?, let index as Int): current = elements.indices.contains(index) ? elements[index] : nil
      default: return nil
      }
    }
    return current
  }
}
