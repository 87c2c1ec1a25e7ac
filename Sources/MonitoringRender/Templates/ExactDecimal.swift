/// The exact decimal expansion of a finite `Double`, rounded as Go's `strconv` rounds it (half to
/// even on the exact binary value). Go's `fmt` and Prometheus' template functions print through
/// this, so generated test expectations match promtool to the last digit.
struct ExactDecimal {
  /// Decimal digits, most significant first, no leading or trailing zeros (empty for zero).
  private(set) var digits: [UInt8]
  /// The position of the decimal point: the value is `0.d₁d₂… × 10^point`.
  private(set) var point: Int

  /// `magnitude` is finite; its sign is ignored.
  init(_ magnitude: Double) {
    let value = abs(magnitude)
    digits = []
    point = 0
    guard value != 0 else { return }
    // value = significand × 2^exponent with an integral significand.
    var significand = value.significandBitPattern | (value.isNormal ? 1 << 52 : 0)
    var exponent = Int(value.exponentBitPattern) - 1075
    if !value.isNormal { exponent = -1074 }
    while significand & 1 == 0 {
      significand >>= 1
      exponent += 1
    }
    var reversed: [UInt8] = []
    while significand > 0 {
      reversed.append(UInt8(significand % 10))
      significand /= 10
    }
    digits = reversed.reversed()
    point = digits.count
    shift(by: exponent)
  }

  init(digits: [UInt8], point: Int) {
    self.digits = digits
    self.point = point
  }

  /// Keeps `count` significant digits.
  mutating func round(toDigits count: Int) {
    guard count >= 0, count < digits.count else { return }
    let roundsUp: Bool
    if digits[count] == 5 && count + 1 == digits.count {
      roundsUp = count > 0 && digits[count - 1] % 2 == 1  // exactly half: to even
    } else {
      roundsUp = digits[count] >= 5
    }
    digits.removeSubrange(count...)
    if roundsUp {
      var index = count - 1
      while index >= 0 && digits[index] == 9 { index -= 1 }
      if index < 0 {
        digits = [1]
        point += 1
      } else {
        digits[index] += 1
        digits.removeSubrange((index + 1)...)
      }
    }
    trim()
  }

  /// Keeps `count` digits after the decimal point.
  mutating func round(toFractionDigits count: Int) { round(toDigits: point + count) }

  // MARK: - Multiplying by a power of two, exactly

  private mutating func shift(by exponent: Int) {
    var remaining = exponent
    while remaining > 0 {
      let step = min(remaining, 56)
      multiply(by: UInt64(1) << step)
      remaining -= step
    }
    while remaining < 0 {
      let step = min(-remaining, 56)
      divide(byShift: step)
      remaining += step
    }
    trim()
  }

  private mutating func multiply(by factor: UInt64) {
    var carry: UInt64 = 0
    for index in digits.indices.reversed() {
      let product = UInt64(digits[index]) * factor + carry
      digits[index] = UInt8(product % 10)
      carry = product / 10
    }
    var leading: [UInt8] = []
    while carry > 0 {
      leading.append(UInt8(carry % 10))
      carry /= 10
    }
    digits.insert(contentsOf: leading.reversed(), at: 0)
    point += leading.count
  }

  /// Divides by 2^step; the expansion stays exact (each halving adds at most one digit).
  private mutating func divide(byShift step: Int) {
    let mask = (UInt64(1) << step) - 1
    var quotient: [UInt8] = []
    var remainder: UInt64 = 0
    var index = 0
    var started = false
    while index < digits.count || remainder != 0 {
      let next = remainder * 10 + (index < digits.count ? UInt64(digits[index]) : 0)
      let digit = UInt8(next >> UInt64(step))
      remainder = next & mask
      if started || digit != 0 {
        quotient.append(digit)
        started = true
      } else {
        point -= 1
      }
      index += 1
    }
    digits = quotient
  }

  private mutating func trim() {
    while digits.last == 0 { digits.removeLast() }
    if digits.isEmpty { point = 0 }
  }
}
