/// Where commands print: data to `out`, diagnostics to `err`. Tests pass closures that collect the text.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  /// How the user runs this command line, for hints such as "Run `swift run gen`": the name of the
  /// user's own executable, which need not be `gen`.
  public var command: String

  public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, command: String = "swift run gen") {
    self.out = out
    self.err = err
    self.command = command
  }
}
