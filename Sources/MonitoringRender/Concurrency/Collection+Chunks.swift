extension Collection {
  /// Consecutive ranges of the indices, each of elements weighing at least `minimumWeight` in all (the
  /// last may weigh less), and about `pieces` of them when there is enough weight for that: work
  /// to share between cores in pieces large enough to be worth a thread's wake-up.
  func chunks(pieces: Int, minimumWeight: Int, weight: (Element) -> Int) -> [Range<Index>] {
    let total = reduce(0) { $0 + weight($1) }
    let target = Swift.max(minimumWeight, total / Swift.max(pieces, 1))
    var ranges: [Range<Index>] = []
    var start = startIndex, accumulated = 0
    for index in indices {
      accumulated += weight(self[index])
      if accumulated >= target {
        let end = self.index(after: index)
        ranges.append(start..<end)
        start = end
        accumulated = 0
      }
    }
    if start != endIndex { ranges.append(start..<endIndex) }
    return ranges
  }
}
