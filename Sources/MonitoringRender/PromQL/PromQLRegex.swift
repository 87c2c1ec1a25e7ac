/// A label matcher's regular expression, read as Prometheus reads it: Go's RE2 syntax, anchored at
/// both ends. Swift's `Regex` reads a superset of that syntax and some of it differently (`[` inside a
/// class, possessive `a++`, `&&` and `--` in classes, lookarounds, back-references), so the pattern is
/// first checked against RE2's grammar and rewritten to mean in Swift what it means in Go; `Regex` then
/// compiles it, which catches what is left (unbalanced parentheses), and tells whether it matches "".
/// ```swift
/// try PromQLRegex("5..|4..").matchesEmpty          // false
/// try PromQLRegex("a**")  // throws: invalid nested repetition operator: `**`
/// ```
struct PromQLRegex {
  struct Invalid: Error {
    var message: String
  }

  private let regex: Regex<AnyRegexOutput>

  init(_ pattern: String) throws(Invalid) {
    var translation = Translation(Array(pattern.unicodeScalars))
    try translation.run()
    do {
      regex = try Regex("^(?:\(translation.output))$")
    } catch {
      throw Invalid(message: "\(error)")
    }
  }

  var matchesEmpty: Bool { (try? regex.wholeMatch(in: "")) != nil }

  /// One pass over the pattern, RE2's rules checked on the way.
  private struct Translation {
    let scalars: [Unicode.Scalar]
    var output = ""
    private var index = 0
    /// Something a repetition operator may follow.
    private var canRepeat = false
    /// The last item was a repetition: RE2 refuses another one right after (`a**`, `a{2}*`).
    private var lastRepeat: String?

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    private func at(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
    private func text(_ range: Range<Int>) -> String {
      String(String.UnicodeScalarView(scalars[range.clamped(to: 0..<scalars.count)]))
    }

    mutating func run() throws(Invalid) {
      while let scalar = current {
        let start = index
        switch scalar {
        case "\\":
          try escape(inClass: false)
          atom()
        case "[":
          try characterClass()
          atom()
        case "(":
          try group()
        case ")":
          index += 1
          output += ")"
          atom()
        case "|":
          index += 1
          output += "|"
          canRepeat = false
          lastRepeat = nil
        case "*", "+", "?":
          index += 1
          try repetition(from: start)
        case "{":
          if let (low, high) = repeatCount() {
            if low > 1000 || (high ?? low) > 1000 || (high.map { $0 < low } ?? false) {
              throw Invalid(message: "invalid repeat count: `\(text(start..<index))`")
            }
            try repetition(from: start)
          } else {
            index += 1
            output += "\\{"
            atom()
          }
        default:
          index += 1
          output += Self.literal(scalar)
          atom()
        }
      }
    }

    private mutating func atom() {
      canRepeat = true
      lastRepeat = nil
    }

    /// After `*`, `+`, `?` or `{n,m}` (already consumed from `start`), with an optional lazy `?`.
    private mutating func repetition(from start: Int) throws(Invalid) {
      if current == "?" { index += 1 }
      let operatorText = text(start..<index)
      guard canRepeat else { throw Invalid(message: "missing argument to repetition operator: `\(operatorText)`") }
      if let lastRepeat { throw Invalid(message: "invalid nested repetition operator: `\(lastRepeat)\(operatorText)`") }
      output += operatorText
      lastRepeat = operatorText
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position (consumed), or `nil` (then `{` is a literal).
    private mutating func repeatCount() -> (Int, Int?)? {
      var cursor = index + 1
      func number() -> Int? {
        let begin = cursor
        while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) { cursor += 1 }
        return cursor > begin ? Int(text(begin..<cursor)).map { min($0, 100_000) } : nil
      }
      guard let low = number() else { return nil }
      var high: Int? = low
      if cursor < scalars.count, scalars[cursor] == "," {
        cursor += 1
        high = number()
      }
      guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
      index = cursor + 1
      return (low, high)
    }

    /// `(`, `(?:`, `(?P<name>`, `(?flags)` or `(?flags:`.
    private mutating func group() throws(Invalid) {
      index += 1
      canRepeat = false
      lastRepeat = nil
      guard current == "?" else {
        output += "("
        return
      }
      if at(1) == "P", at(2) == "<" {
        var end = index + 3
        while end < scalars.count, scalars[end] != ">" { end += 1 }
        let name = text(index + 3..<end)
        guard end < scalars.count, !name.isEmpty, name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
          throw Invalid(message: "invalid named capture: `\(text(index - 1..<min(end + 1, scalars.count)))`")
        }
        output += "(?<\(name)>"
        index = end + 1
        return
      }
      var cursor = index + 1
      while cursor < scalars.count, "imsU-".unicodeScalars.contains(scalars[cursor]) { cursor += 1 }
      guard cursor < scalars.count, scalars[cursor] == ":" || scalars[cursor] == ")" else {
        throw Invalid(message: "invalid or unsupported Perl syntax: `\(text(index - 1..<min(index + 2, scalars.count)))`")
      }
      // Swift has no U (ungreedy); it changes what a match takes, not whether there is one.
      let flags = text(index + 1..<cursor).replacingUngreedy
      if scalars[cursor] == ")" {
        if !flags.isEmpty, flags != "-" { output += "(?\(flags))" }
      } else {
        output += flags.isEmpty || flags == "-" ? "(?:" : "(?\(flags):"
        canRepeat = false
      }
      index = cursor + 1
    }

    /// An escape; in a class only those that stand for one character (the value returned) or a class.
    @discardableResult
    private mutating func escape(inClass: Bool) throws(Invalid) -> Unicode.Scalar? {
      guard let next = at(1) else { throw Invalid(message: "trailing backslash at end of expression") }
      let start = index
      index += 2
      let controls: [Unicode.Scalar: Unicode.Scalar] = ["a": "\u{7}", "f": "\u{C}", "t": "\t", "n": "\n", "r": "\r", "v": "\u{B}"]
      if let control = controls[next] {
        output += Self.literal(control)
        return control
      }
      switch next {
      case "d", "D", "s", "S", "w", "W":
        output += "\\" + String(next)
        return nil
      case "b", "B", "A", "z":
        // Assertions, not characters: nothing a class can hold.
        guard !inClass else { throw Invalid(message: "invalid escape sequence: `\(text(start..<index))`") }
        output += "\\" + String(next)
        return nil
      case "p", "P":
        var end = index
        if current == "{" {
          while end < scalars.count, scalars[end] != "}" { end += 1 }
          guard end < scalars.count else { throw Invalid(message: "invalid character class range: `\(text(start..<end))`") }
          output += text(start..<end + 1)
          index = end + 1
        } else {
          guard let name = current else { throw Invalid(message: "invalid character class range: `\(text(start..<index))`") }
          output += "\\\(next){\(name)}"  // \pL is \p{L} in Swift
          index += 1
        }
        return nil
      case "Q" where !inClass:
        while let scalar = current, !(scalar == "\\" && at(1) == "E") {
          output += Self.literal(scalar)
          index += 1
        }
        if current != nil { index += 2 }
        return nil
      case "x":
        var digits = ""
        if current == "{" {
          index += 1
          while let scalar = current, scalar != "}" {
            digits.unicodeScalars.append(scalar)
            index += 1
          }
          index += 1
        } else {
          digits = text(index..<index + 2)
          index += 2
        }
        guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
          throw Invalid(message: "invalid escape sequence: `\(text(start..<index))`")
        }
        output += Self.literal(scalar)
        return scalar
      case "0"..."7" where next == "0" || current.map { ("0"..."7").contains($0) } == true:
        // \0, \01, \12: octal, up to three digits (a lone \1…\9 is a back-reference, refused below).
        var value = next.value - 48
        var count = 0
        while count < 2, let scalar = current, ("0"..."7").contains(scalar) {
          value = value * 8 + (scalar.value - 48)
          index += 1
          count += 1
        }
        let scalar = Unicode.Scalar(value) ?? "\0"
        output += Self.literal(scalar)
        return scalar
      default:
        guard next.isASCII, !next.properties.isAlphabetic, !("0"..."9").contains(next) else {
          throw Invalid(message: "invalid escape sequence: `\(text(start..<index))`")
        }
        output += Self.literal(next)
        return next
      }
    }

    /// `[…]`: members, ranges (in order) and POSIX classes; `[` inside is a literal, as in RE2.
    private mutating func characterClass() throws(Invalid) {
      let start = index
      index += 1
      output += "["
      if current == "^" {
        index += 1
        output += "^"
      }
      var first = true
      while true {
        guard let scalar = current else { throw Invalid(message: "missing closing ]: `\(text(start..<index))`") }
        if scalar == "]", !first { break }
        first = false
        if scalar == "[", at(1) == ":" {
          var end = index + 2
          while end + 1 < scalars.count, !(scalars[end] == ":" && scalars[end + 1] == "]") { end += 1 }
          let name = text(index + 2..<end)
          let names: Set<String> = ["alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit"]
          if end + 1 < scalars.count, names.contains(name.hasPrefix("^") ? String(name.dropFirst()) : name) {
            output += text(index..<end + 2)
            index = end + 2
            continue
          }
          if end + 1 < scalars.count {
            throw Invalid(message: "invalid character class range: `\(text(index..<end + 2))`")
          }
        }
        let low: Unicode.Scalar?
        let itemStart = index
        if scalar == "\\" {
          low = try escape(inClass: true)
        } else {
          index += 1
          low = scalar
          output += Self.literal(scalar)
        }
        // After a class escape (\d), RE2 reads `-` as a literal.
        guard let low, current == "-", let after = at(1), after != "]" else { continue }
        index += 1
        output += "-"
        let high: Unicode.Scalar?
        if after == "\\" {
          high = try escape(inClass: true)
        } else {
          index += 1
          high = after
          output += Self.literal(after)
        }
        guard let high, high >= low else { throw Invalid(message: "invalid character class range: `\(text(itemStart..<index))`") }
      }
      index += 1
      output += "]"
    }

    /// A character as a literal in Swift's syntax, inside or outside a class.
    private static func literal(_ scalar: Unicode.Scalar) -> String {
      if scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar), scalar != " ", scalar != "_" {
        return scalar.value < 0x20 || scalar.value == 0x7F ? "\\x{\(String(scalar.value, radix: 16))}" : "\\" + String(scalar)
      }
      return String(scalar)
    }
  }
}

extension String {
  /// Regex flags without `U`, which Swift lacks.
  fileprivate var replacingUngreedy: String { String(unicodeScalars.filter { $0 != "U" }) }
}
