/// How large an input `gen import` takes. A file over any of these is refused with an error that
/// names the limit, before the importer builds anything from it: a YAML alias bomb ("billion
/// laughs") or a deeply nested document costs a bounded amount of time and memory, not a hang.
///
/// The defaults are far above real files (the largest dashboard of the shared corpus has 12 227
/// values nested 12 deep; its largest YAML file has 685 nodes and no alias) and take a generated
/// dashboard of 50 000 panels (145 MB, 4.6 million values).
/// ```swift
/// let imported = try RuleImporter.importRules(text, source: "node.rules.yml", fileName: "node.rules.yml",
///                                             limits: ImportLimits(yamlNodes: 10_000))
/// ```
public struct ImportLimits: Sendable, Equatable {
  /// The document's size in bytes (UTF-8).
  public var bytes: Int
  /// How deep objects, arrays, mappings and sequences nest (the document itself is level 1);
  /// through an alias, the depth it expands to.
  public var depth: Int
  /// Values in a JSON document: every object, array and scalar.
  public var jsonValues: Int
  /// Nodes of a YAML document (every mapping, sequence and scalar) with each alias expanded:
  /// what the document amounts to once read, which aliases multiply.
  public var yamlNodes: Int
  /// Aliases (`*name`) in a YAML document.
  public var yamlAliases: Int

  public init(
    bytes: Int = 256 << 20, depth: Int = 512, jsonValues: Int = 10_000_000, yamlNodes: Int = 1_000_000,
    yamlAliases: Int = 10_000
  ) {
    self.bytes = bytes
    self.depth = depth
    self.jsonValues = jsonValues
    self.yamlNodes = yamlNodes
    self.yamlAliases = yamlAliases
  }

  /// 256 MiB, 512 levels, 10 000 000 JSON values, 1 000 000 YAML nodes expanded, 10 000 aliases.
  public static let `default` = ImportLimits()
}
