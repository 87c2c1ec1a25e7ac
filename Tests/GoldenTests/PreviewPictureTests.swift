import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

/// The seed dashboard's preview is a real picture: `rsvg-convert` (Debian `librsvg2-bin`) turns it
/// into a PNG of the SVG's size, and its pixels — decoded by `pngtopnm` (Debian `netpbm`) — show
/// every panel as a white cell at its grid position with the canvas around it, each row as a band,
/// and each threshold step's colour in its part of the panel's strip. `scripts/test` installs both.
@Suite struct PreviewPictureTests {
  @Test func seedPreviewConvertsToAPNGShowingEveryPanelInPlace() throws {
    let file = try #require(try Renderer.render(Monitoring.dev.defaultCatalog).first { $0.spec.hasPrefix("dashboard/") })
    let snapshot = try DashboardSnapshot(JSONParser.parse(file.contents))
    let svg = DashboardPreview.svg(snapshot)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let svgFile = folder.appendingPathComponent("seed.svg")
    let pngFile = folder.appendingPathComponent("seed.png")
    try Data(svg.utf8).write(to: svgFile)
    _ = try Self.run("rsvg-convert", ["--format", "png", "--output", pngFile.path, svgFile.path])

    // The PNG signature, then IHDR with the width and height the SVG declares.
    let png = [UInt8](try Data(contentsOf: pngFile))
    try #require(png.count > 24)
    #expect(Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
    let declared = try #require(svg.firstMatch(of: /<svg [^>]*width="(\d+)" height="(\d+)"/))
    let (width, height) = (Int(png[16..<20].reduce(0) { $0 << 8 | Int($1) }), Int(png[20..<24].reduce(0) { $0 << 8 | Int($1) }))
    #expect(width == Int(declared.1) && height == Int(declared.2))

    let image = try PixelImage(ppm: Self.run("pngtopnm", [pngFile.path]))
    #expect(image.width == width && image.height == height)
    let canvas = Pixel(hex: "#EEF1F4")
    let white = Pixel(hex: "#FFFFFF")
    let visible = snapshot.rows.filter { !$0.collapsed }.flatMap(\.panels)
    try #require(visible.count == snapshot.rows.flatMap(\.panels).count, "the seed has no collapsed row")
    for panel in visible {
      let cell = DashboardPreview.frame(panel.grid)
      let (left, top, right, bottom) = (cell.x, cell.y, cell.x + cell.width, cell.y + cell.height)
      // Inside each corner: the panel's white; just outside each edge: the canvas.
      for (x, y) in [(left + 5, top + 5), (right - 6, top + 5), (left + 5, bottom - 6), (right - 6, bottom - 6)] {
        #expect(image[x, y] == white, "\(panel.title): (\(x), \(y)) is \(image[x, y]), not the panel's white")
      }
      let (middleX, middleY) = ((left + right) / 2, (top + bottom) / 2)
      for (x, y) in [(left - 2, middleY), (right + 1, middleY), (middleX, top - 2), (middleX, bottom + 1)] {
        #expect(image[x, y] == canvas, "\(panel.title): (\(x), \(y)) is \(image[x, y]), not the canvas around the panel")
      }
      // The threshold strip: the n-th step's colour in the n-th part, in the panel's bottom line.
      let steps = panel.thresholdSteps
      for (index, step) in steps.enumerated() {
        let x = left + 8 + (cell.width - 16) * (2 * index + 1) / (2 * steps.count)
        #expect(image[x, bottom - 10] == Pixel(hex: PreviewPalette.hex(step.color)), "\(panel.title): step \(index) \(step.color)")
      }
    }
    for row in snapshot.rows where row.title != nil {
      let band = DashboardPreview.frame(row: row)
      #expect(image[band.x + band.width - 5, band.y + 5] == Pixel(hex: "#D8DFE6"), "row \(row.title ?? "")")
    }
  }

  /// The standard output of a tool found on the PATH; a missing tool fails the test with how to get it.
  static func run(_ tool: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(
      process.terminationStatus == 0,
      "\(tool) failed (\(process.terminationStatus)): \(message) — apt-get install librsvg2-bin netpbm (scripts/test does)")
    return data
  }
}

struct Pixel: Equatable, CustomStringConvertible {
  var red, green, blue: UInt8

  init(red: UInt8, green: UInt8, blue: UInt8) {
    (self.red, self.green, self.blue) = (red, green, blue)
  }

  /// `#RRGGBB`.
  init(hex: String) {
    let value = UInt32(hex.dropFirst(), radix: 16) ?? 0
    self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
  }

  var description: String { "rgb(\(red), \(green), \(blue))" }
}

/// A binary PPM (`P6`, 8 bits a sample), as `pngtopnm` writes it.
struct PixelImage {
  let width: Int
  let height: Int
  private let samples: [UInt8]

  init(ppm data: Data) throws {
    let bytes = [UInt8](data)
    var fields: [Int] = []
    var index = 2
    try #require(bytes.starts(with: Array("P6".utf8)), "not a binary PPM")
    while fields.count < 3, index < bytes.count {
      while index < bytes.count, bytes[index] == 0x20 || (0x09...0x0D).contains(bytes[index]) { index += 1 }
      var number = 0
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
        number = number * 10 + Int(bytes[index] - 0x30)
        index += 1
      }
      fields.append(number)
    }
    try #require(fields.count == 3 && fields[2] == 255, "a PPM with 8-bit samples")
    (width, height) = (fields[0], fields[1])
    samples = Array(bytes[(index + 1)...])
    try #require(samples.count == width * height * 3)
  }

  subscript(x: Int, y: Int) -> Pixel {
    guard (0..<width).contains(x), (0..<height).contains(y) else { return Pixel(red: 0, green: 0, blue: 0) }
    let at = (y * width + x) * 3
    return Pixel(red: samples[at], green: samples[at + 1], blue: samples[at + 2])
  }
}
