// MARK: - Modifiers every panel kind accepts

extension Panel {
  /// ```swift
  /// .description("Open WebSocket connections, summed over instances.")
  /// ```
  public consuming func description(_ text: String) -> Panel { with { $0.description = text } }
  public consuming func datasource(_ datasource: DatasourceRef) -> Panel { with { $0.datasource = datasource } }
  /// ```swift
  /// .unit(.bytes)   .unit("suffix: msg")
  /// ```
  public consuming func unit(_ unit: ValueUnit) -> Panel {
    with {
      $0.field.unit = unit
      if let following = $0.kind.base.following(unit: unit) { $0.kind.base = following }
    }
  }
  public consuming func decimals(_ decimals: Int) -> Panel { with { $0.field.decimals = decimals } }
  public consuming func min(_ value: Double) -> Panel { with { $0.field.min = value } }
  public consuming func max(_ value: Double) -> Panel { with { $0.field.max = value } }
  public consuming func noValue(_ text: String) -> Panel { with { $0.field.noValue = text } }
  public consuming func displayName(_ text: String) -> Panel { with { $0.field.displayName = text } }
  /// ```swift
  /// .thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 50) }
  /// .thresholds(.percentage) { Step(.green); Step(.red, from: 90) }
  /// ```
  public consuming func thresholds(_ mode: ThresholdMode = .absolute, @ThresholdBuilder _ steps: () -> [Step]) -> Panel {
    with { $0.field.thresholds = Thresholds(mode, steps: steps) }
  }
  public consuming func thresholds(_ thresholds: Thresholds) -> Panel { with { $0.field.thresholds = thresholds } }
  /// ```swift
  /// .color(.thresholds)   .color(.fixed(.red))
  /// ```
  public consuming func color(_ mode: ColorMode) -> Panel { with { $0.field.color = mode } }
  public consuming func mappings(@ValueMappingBuilder _ mappings: () -> [ValueMapping]) -> Panel {
    with { $0.field.mappings += mappings() }
  }
  public consuming func overrides(@FieldOverrideBuilder _ overrides: () -> [FieldOverride]) -> Panel {
    with { $0.overrides += overrides() }
  }
  public consuming func links(@LinkBuilder _ links: () -> [Link]) -> Panel { with { $0.links += links() } }
  /// Links on the panel's values (``DataLink``), added to any it has:
  /// `.dataLinks { DataLink("Pod", url: "/d/pod?var-pod=${__field.labels.pod}") }`.
  public consuming func dataLinks(@DataLinkBuilder _ links: () -> [DataLink]) -> Panel {
    with { $0.field.links = ($0.field.links ?? []) + links() }
  }
  /// Transformations of the query results, applied in order (``Transformation``).
  /// ```swift
  /// .transformations {
  ///   Transformation.organize(exclude: ["Time"], rename: ["Value": "Connections"])
  ///   Transformation.reduce(.seriesToRows, reducers: [.last])
  /// }
  /// ```
  public consuming func transformations(@TransformationBuilder _ transformations: () -> [Transformation]) -> Panel {
    with { $0.transformations += transformations() }
  }
  /// The legend of the kinds that have Grafana's standard legend (time series, bar chart, state timeline, …).
  /// ```swift
  /// .legend(.table(placement: .right, calcs: [.mean, .max]))
  /// ```
  public consuming func legend(_ legend: LegendOptions) -> Panel {
    if kind[HeatmapPanel.self] != nil {
      return updating(HeatmapPanel.self, modifier: "legend") { $0.options.legend = .init(show: legend.isVisible) }
    }
    return updatingOptions((any LegendBearing).self, modifier: "legend") {
      $0.legend = .init(
        calcs: legend.calcs.map(\.rawValue), displayMode: .init(rawValue: legend.displayMode.rawValue),
        placement: .init(rawValue: legend.placement.rawValue), showLegend: legend.isVisible)
    }
  }
  /// The tooltip of the kinds that have Grafana's standard tooltip.
  /// ```swift
  /// .tooltip(.all(sort: .descending))
  /// ```
  public consuming func tooltip(_ tooltip: TooltipOptions) -> Panel {
    updatingOptions((any TooltipBearing).self, modifier: "tooltip") {
      $0.tooltip = .init(hideZeros: false, mode: .init(rawValue: tooltip.mode.rawValue), sort: .init(rawValue: tooltip.sort.rawValue))
    }
  }
  /// Repeats the panel once per value of `variable` (which should allow several values).
  public func repeatBy(
    _ variable: String, direction: Repeat.Direction = .horizontal, maxPerRow: Int? = nil
  ) -> Panel {
    with { $0.repeatBy = Repeat(variable: variable, direction: direction, maxPerRow: maxPerRow) }
  }
  public consuming func transparent(_ transparent: Bool = true) -> Panel { with { $0.isTransparent = transparent } }
  /// Marks a panel that is empty by design (it lists only firing alerts, only errors) for `gen verify`,
  /// which then reports its empty results as expected, with the reason.
  /// ```swift
  /// Table("Firing alerts") { Query(#"ALERTS{alertstate="firing"}"#) }.expectedEmpty(because: "only during incidents")
  /// ```
  public consuming func expectedEmpty(because reason: String) -> Panel { with { $0.expectedEmptyReason = reason } }
  public consuming func minInterval(_ interval: PromDuration) -> Panel { with { $0.minInterval = interval } }
  public consuming func maxDataPoints(_ points: Int) -> Panel { with { $0.maxDataPoints = points } }
  /// The panel's own time range, the last `range` of time (``Panel/relativeTime``): `.relativeTime("1h")`.
  public consuming func relativeTime(_ range: String) -> Panel { with { $0.relativeTime = range } }
  /// The panel's time range moved back (``Panel/timeShift``): `.timeShift("1d")`.
  public consuming func timeShift(_ shift: String) -> Panel { with { $0.timeShift = shift } }
  /// Hides the note of the panel's own time range (``Panel/hidesTimeOverride``): `.hideTimeOverride()`.
  public consuming func hideTimeOverride(_ hidden: Bool = true) -> Panel { with { $0.hidesTimeOverride = hidden } }
  /// The datasource's cache timeout for the panel (``Panel/cacheTimeout``): `.cacheTimeout("60")`.
  public consuming func cacheTimeout(_ timeout: String) -> Panel { with { $0.cacheTimeout = timeout } }
  /// A fixed panel id (``Panel/id``): `Stat("Up") { Query("up") }.id(7)`.
  public consuming func id(_ id: Int) -> Panel { with { $0.id = id } }
  /// The plugin version the panel was saved with (``Panel/pluginVersion``): `.pluginVersion("11.6.1")`.
  public consuming func pluginVersion(_ version: String) -> Panel { with { $0.pluginVersion = version } }
  /// Width (1…24 columns) and height (grid lines) of the panel.
  public consuming func size(width: Int? = nil, height: Int? = nil) -> Panel {
    with {
      if let width { $0.layout.width = width }
      if let height { $0.layout.height = height }
    }
  }
  /// Pins the panel at column `x`, line `y` of its section (the dashboard top or its row's content).
  public consuming func position(x: Int, y: Int) -> Panel { with { $0.layout.position = GridPoint(x: x, y: y) } }
  /// How a stat, gauge, bar gauge or pie chart panel reduces each series to one value.
  /// ```swift
  /// .reduce(.max)
  /// ```
  public consuming func reduce(_ calculation: ReduceCalculation, showAllValues: Bool = false) -> Panel {
    updatingOptions((any ReduceBearing).self, modifier: "reduce") {
      $0.reduceOptions = .init(calcs: [calculation.rawValue], fields: $0.reduceOptions?.fields ?? "", values: showAllValues)
    }
  }
  /// ```swift
  /// .orientation(.horizontal)
  /// ```
  public consuming func orientation(_ orientation: GrafanaSchema.VizOrientation) -> Panel {
    updatingOptions((any OrientationBearing).self, modifier: "orientation") { $0.orientation = orientation }
  }

  /// Changes a panel of kind `Kind`, or records the modifier as misapplied on another kind.
  consuming func updating<Kind: PanelKind>(_ kind: Kind.Type, modifier: String, _ change: (inout Kind) -> Void) -> Panel {
    with {
      guard var typed = $0.kind[Kind.self] else { return $0.misapplied.append(modifier) }
      change(&typed)
      $0.kind[Kind.self] = typed
    }
  }

  /// Changes the options of any kind that has `Capability`, or records the modifier as misapplied.
  consuming func updatingOptions<Capability>(_ capability: Capability.Type, modifier: String, _ change: (inout Capability) -> Void) -> Panel {
    with {
      var base = $0.kind.base
      guard base.changeOptions(as: capability, change) else { return $0.misapplied.append(modifier) }
      $0.kind.base = base
    }
  }
}
