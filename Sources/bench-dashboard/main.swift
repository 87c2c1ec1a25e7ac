// The render benchmark of `scripts/bench`: builds an N-panel dashboard through the public DSL and
// writes its JSON to stdout, exactly as `gen` renders a dashboard file (validation of the catalog,
// layout, lowering into the streaming JSON writer). Not a command users see: `.build/release/bench-dashboard N`.
//
// The shape is fixed so that the peers (../shared/bench/anchor_*.py) render the same dashboard:
// N time-series panels, a row before every 4, width 6 and height 8, two PromQL targets each,
// thresholds green/null, yellow/10, red/50, unit `reqps`, uid `bench`, title `Bench`.
import Glibc
import MonitoringDSL
import MonitoringRender

/// Panel `k`: one function per panel and per row keeps type-checking flat (README, "A spec").
func benchPanel(_ k: Int) -> Panel {
  TimeSeries("Panel \(k)") {
    Query("sum(rate(app_messages_total{instance=\"i\(k)\"}[1m]))", legend: "messages")
    Query("sum(rate(app_errors_total{instance=\"i\(k)\"}[5m]))", legend: "errors")
  }
  .unit(.requestsPerSecond)
  .thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 50) }
  .size(width: 6, height: 8)
}

/// Row `index` with the panels `panels`.
func benchRow(_ index: Int, panels: Range<Int>) -> Row {
  Row("Row \(index)") {
    for k in panels { benchPanel(k) }
  }
}

func benchDashboard(panels count: Int) -> Dashboard {
  let rows = stride(from: 0, to: count, by: 4).map { first in
    benchRow(first / 4, panels: first..<min(first + 4, count))
  }
  return Dashboard("Bench", uid: "bench") { rows }
    .datasource(.prometheus("prometheus"))
}

/// Writes `text` to standard error (fd 2; the C `stderr` global is not concurrency-safe in Swift 6).
func printError(_ text: String) {
  var text = text
  text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments
guard arguments.count == 2, let count = Int(arguments[1]), count >= 0 else {
  printError("usage: bench-dashboard N   (writes an N-panel dashboard's JSON to stdout)\n")
  exit(2)
}

let catalog = Catalog {
  Datasource.prometheus(name: "Prometheus", uid: "prometheus", url: "http://prometheus:9090", scrapeInterval: "15s")
  benchDashboard(panels: count)
}
// The document goes to stdout in 64 KiB chunks as it is written: the streaming writer never holds it whole.
var writer = JSONWriter(chunkSize: 1 << 16) { chunk in
  var offset = 0
  while offset < chunk.count {
    let written = write(1, chunk.baseAddress! + offset, chunk.count - offset)
    if written <= 0 { exit(1) }
    offset += written
  }
}
do {
  try Renderer.writeDashboard(uid: "bench", of: catalog, to: &writer) { _ in }
} catch {
  for diagnostic in error.diagnostics { printError("error: \(diagnostic)\n") }
  exit(1)
}
