/// A PromQL function's signature as Prometheus 2.42 declares it (`promql/parser/functions.go`):
/// argument types, how many trailing arguments are optional or repeated, and the result type.
struct PromQLFunction {
  let argumentTypes: [PromQLValueType]
  /// 0: exactly `argumentTypes`; n > 0: the last type may be left out or given up to n times; -1: any number of times.
  let variadic: Int
  let returns: PromQLValueType

  init(_ argumentTypes: [PromQLValueType], variadic: Int = 0, returns: PromQLValueType = .vector) {
    self.argumentTypes = argumentTypes
    self.variadic = variadic
    self.returns = returns
  }

  /// The functions of Prometheus 2.42. Newer ones (`sort_by_label`, `mad_over_time`,
  /// `histogram_stddev`, `info`, `limitk`, …) are unknown to it, so they are unknown here.
  static let all: [String: PromQLFunction] = {
    var table: [String: PromQLFunction] = [:]
    let vectorToVector = [
      "abs", "absent", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh", "deg", "exp", "floor",
      "histogram_count", "histogram_sum", "ln", "log10", "log2", "rad", "sgn", "sin", "sinh", "sort", "sort_desc", "sqrt",
      "tan", "tanh", "timestamp",
    ]
    for name in vectorToVector { table[name] = PromQLFunction([.vector]) }
    let rangeToVector = [
      "absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv", "idelta", "increase", "irate",
      "last_over_time", "max_over_time", "min_over_time", "present_over_time", "rate", "resets", "stddev_over_time",
      "stdvar_over_time", "sum_over_time",
    ]
    for name in rangeToVector { table[name] = PromQLFunction([.matrix]) }
    for name in ["day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"] {
      table[name] = PromQLFunction([.vector], variadic: 1)
    }
    table["clamp"] = PromQLFunction([.vector, .scalar, .scalar])
    table["clamp_max"] = PromQLFunction([.vector, .scalar])
    table["clamp_min"] = PromQLFunction([.vector, .scalar])
    table["histogram_fraction"] = PromQLFunction([.scalar, .scalar, .vector])
    table["histogram_quantile"] = PromQLFunction([.scalar, .vector])
    table["holt_winters"] = PromQLFunction([.matrix, .scalar, .scalar])
    table["label_join"] = PromQLFunction([.vector, .string, .string, .string], variadic: -1)
    table["label_replace"] = PromQLFunction([.vector, .string, .string, .string, .string])
    table["pi"] = PromQLFunction([], returns: .scalar)
    table["predict_linear"] = PromQLFunction([.matrix, .scalar])
    table["quantile_over_time"] = PromQLFunction([.scalar, .matrix])
    table["round"] = PromQLFunction([.vector, .scalar], variadic: 1)
    table["scalar"] = PromQLFunction([.vector], returns: .scalar)
    table["time"] = PromQLFunction([], returns: .scalar)
    table["vector"] = PromQLFunction([.scalar])
    return table
  }()
}

/// The type of a PromQL value, as the parser checks it.
enum PromQLValueType: Equatable {
  case scalar, vector, matrix, string
  /// A Grafana variable standing for an expression: any type fits.
  case unknown

  /// As Prometheus' messages name it.
  var name: String {
    switch self {
    case .scalar: "scalar"
    case .vector: "instant vector"
    case .matrix: "range vector"
    case .string: "string"
    case .unknown: "unknown"
    }
  }

  func fits(_ expected: PromQLValueType) -> Bool { self == expected || self == .unknown || expected == .unknown }
}
