import MonitoringDSL

extension [DashboardItem] {
  /// The items in consecutive ranges of about equal numbers of panels, for work shared between cores:
  /// about `pieces` of them, but none of fewer than 256 panels (less work is not worth a thread).
  func parts(pieces: Int) -> [Range<Int>] {
    indices.chunks(pieces: pieces, minimumWeight: 256) { index in
      if case .row(let row) = self[index] { 1 + row.panels.count } else { 1 }
    }
  }
}
