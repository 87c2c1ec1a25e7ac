/// "Did you mean …?" for a name that is not known: the nearest known one, when it is close.
/// ```swift
/// NearestName.suggestion(for: "refesh", in: ["refresh", "title"])   // ` (did you mean "refresh"?)`
/// ```
public enum NearestName {
  /// The known name at most two edits away (the nearest, ties by name), if any.
  public static func nearest(to name: String, in known: some Collection<String>) -> String? {
    let nearest = known.sorted().min { editDistance(name, $0) < editDistance(name, $1) }
    return nearest.flatMap { editDistance(name, $0) <= 2 ? $0 : nil }
  }

  /// ` (did you mean "x"?)` when a known name is at most two edits away, else empty.
  public static func suggestion(for name: String, in known: some Collection<String>) -> String {
    nearest(to: name, in: known).map { " (did you mean \"\($0)\"?)" } ?? ""
  }

  /// Edits (insert, delete, replace, swap two neighbours) between two names: typos are mostly one of these.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var distance = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { distance[i][0] = i }
    for j in 0...b.count { distance[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        distance[i][j] = min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          distance[i][j] = min(distance[i][j], distance[i - 2][j - 2] + 1)
        }
      }
    }
    return distance[a.count][b.count]
  }
}
