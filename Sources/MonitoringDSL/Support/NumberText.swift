/// The one way numbers are spelled in everything we emit: integral values without `.0`, others in
/// Swift's shortest round-trip form (`0.1`, `2.5e-07`). Non-finite values spell as Prometheus does.
/// ```swift
/// NumberText.format(50)    // "50"
/// NumberText.format(0.95)  // "0.95"
/// ```
public enum NumberText {
  public static func format(_ number: Double) -> String {
    if number.isNaN { return "NaN" }
    if number.isInfinite { return number > 0 ? "+Inf" : "-Inf" }
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    return String(number)
  }
}
