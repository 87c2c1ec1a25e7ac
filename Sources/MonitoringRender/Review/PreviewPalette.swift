/// The colours of a dashboard preview: Grafana's named colours as hex, and the preview's own
/// (canvas, panels, marks).
/// ```swift
/// PreviewPalette.hex("semi-dark-red")  // "#E02F44"
/// ```
public enum PreviewPalette {
  static let canvas = "#EEF1F4"
  static let panel = "#FFFFFF"
  static let border = "#B8C2CC"
  static let band = "#D8DFE6"
  static let text = "#1F2328"
  static let muted = "#59636E"
  static let glyph = "#A3AEB9"
  static let removedFill = "#FFF1F0"

  /// The outline and badge colour of a mark.
  public static func mark(_ kind: Change.Kind) -> String {
    switch kind {
    case .added: "#1A7F37"
    case .moved: "#0969DA"
    case .changed: "#BF8700"
    case .removed: "#CF222E"
    }
  }

  /// A threshold colour as SVG paints it: Grafana's palette names (`green`, `semi-dark-red`,
  /// `super-light-blue`, …) as the hex Grafana shows, `#hex` and `rgb(…)`/`rgba(…)` as given,
  /// `transparent` as `none`, anything else grey.
  public static func hex(_ color: String) -> String {
    let name = color.lowercased()
    if let hex = named[name] { return hex }
    if name == "transparent" { return "none" }
    let isHex = name.hasPrefix("#") && [4, 7, 9].contains(name.count) && name.dropFirst().allSatisfy(\.isHexDigit)
    let isFunction = (name.hasPrefix("rgb(") || name.hasPrefix("rgba(")) && name.hasSuffix(")")
      && name.allSatisfy { $0.isLetter || $0.isNumber || "(),. %".contains($0) }
    return isHex || isFunction ? color : unknown
  }

  public static let unknown = "#8E8E8E"

  /// Grafana's visualization palette (hues × shades), and the colours it names on its own.
  private static let named: [String: String] = {
    let shades: [String: [String]] = [
      // super-light, light, (base), semi-dark, dark
      "red": ["#FFA6B0", "#FF7383", "#F2495C", "#E02F44", "#C4162A"],
      "orange": ["#FFCB7D", "#FFB357", "#FF9830", "#FA6400", "#E55400"],
      "yellow": ["#FFF899", "#FFEE52", "#FADE2A", "#F2CC0C", "#E0B400"],
      "green": ["#C8F2C2", "#96D98D", "#73BF69", "#56A64B", "#37872D"],
      "blue": ["#C0D8FF", "#8AB8FF", "#5794F2", "#3274D9", "#1F60C4"],
      "purple": ["#DEB6F2", "#CA95E5", "#B877D9", "#A352CC", "#8F3BB8"],
    ]
    let prefixes = ["super-light-", "light-", "", "semi-dark-", "dark-"]
    var named = ["text": muted, "white": "#FFFFFF", "black": "#000000"]
    for (hue, hexes) in shades {
      for (prefix, hex) in zip(prefixes, hexes) { named[prefix + hue] = hex }
    }
    return named
  }()
}
