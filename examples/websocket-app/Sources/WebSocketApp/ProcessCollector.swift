#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads the standard `process_*` metrics from `/proc` at scrape time, as Prometheus' own client
/// libraries do on Linux; swift-prometheus has no such collector. Elsewhere it exports nothing.
struct ProcessCollector: Sendable {
  /// One sample of the process, from `/proc/self/stat` and `/proc/stat`.
  struct Sample: Equatable, Sendable {
    var cpuSeconds: Double
    var residentMemoryBytes: Int
    var virtualMemoryBytes: Int
    var startTimeSeconds: Double
  }

  private let clockTicksPerSecond: Double
  private let pageSize: Int

  init() {
    #if os(Linux)
    clockTicksPerSecond = Double(max(sysconf(Int32(_SC_CLK_TCK)), 1))
    pageSize = max(sysconf(Int32(_SC_PAGESIZE)), 1)
    #else
    clockTicksPerSecond = 100
    pageSize = 4096
    #endif
  }

  /// The four families in the text format, or nothing where `/proc` cannot be read.
  func exposition() -> String {
    guard let stat = Self.readFile("/proc/self/stat"), let system = Self.readFile("/proc/stat"),
      let sample = parse(stat: stat, systemStat: system)
    else { return "" }
    return """
      # HELP process_cpu_seconds_total User and system CPU time spent in seconds.
      # TYPE process_cpu_seconds_total counter
      process_cpu_seconds_total \(sample.cpuSeconds)
      # HELP process_resident_memory_bytes Resident memory size in bytes.
      # TYPE process_resident_memory_bytes gauge
      process_resident_memory_bytes \(sample.residentMemoryBytes)
      # HELP process_virtual_memory_bytes Virtual memory size in bytes.
      # TYPE process_virtual_memory_bytes gauge
      process_virtual_memory_bytes \(sample.virtualMemoryBytes)
      # HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
      # TYPE process_start_time_seconds gauge
      process_start_time_seconds \(sample.startTimeSeconds)

      """
  }

  /// Parses `/proc/self/stat` (see proc(5)) and the `btime` line of `/proc/stat`.
  func parse(stat: String, systemStat: String) -> Sample? {
    // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ")".
    guard let close = stat.lastIndex(of: ")") else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
    // fields[0] is field 3 (state), so field n of proc(5) is fields[n - 3].
    func field(_ number: Int) -> Double? {
      let index = number - 3
      return fields.indices.contains(index) ? Double(fields[index]) : nil
    }
    guard let utime = field(14), let stime = field(15), let startTicks = field(22),
      let virtualBytes = field(23), let residentPages = field(24),
      let bootTime = systemStat.split(separator: "\n").first(where: { $0.hasPrefix("btime ") })
        .flatMap({ Double($0.dropFirst("btime ".count)) })
    else { return nil }
    return Sample(
      cpuSeconds: (utime + stime) / clockTicksPerSecond,
      residentMemoryBytes: Int(residentPages) * pageSize,
      virtualMemoryBytes: Int(virtualBytes),
      startTimeSeconds: bootTime + startTicks / clockTicksPerSecond)
  }

  /// Reads a whole file with plain `read(2)`: files in `/proc` report a size of 0, so read until EOF.
  private static func readFile(_ path: String) -> String? {
    #if os(Linux)
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 { return nil }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
    #else
    return nil
    #endif
  }
}
