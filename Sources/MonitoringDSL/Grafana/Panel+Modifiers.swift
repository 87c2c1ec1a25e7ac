// MARK: - Modifiers every panel kind accepts

extension Panel {
  /// ```swift
  /// .description("Open WebSocket connections, summed over instances.")
  /// ```
  public func description(_ text: String) -> Panel { with { $0.description = text } }
  public func datasource(_ datasource: DatasourceRef) -> Panel { with { $0.datasource = datasource } }
  /// ```swift
  /// .unit(.bytes)   .unit("suffix: msg")
  /// ```
  public func unit(_ unit: ValueUnit) -> Panel { with { $0.field.unit = unit } }
  public func decimals(_ decimals: Int) -> Panel { with { $0.field.decimals = decimals } }
  public func min(_ value: Double) -> Panel { with { $0.field.min = value } }
  public func max(_ value: Double) -> Panel { with { $0.field.max = value } }
  public func noValue(_ text: String) -> Panel { with { $0.field.noValue = text } }
  public func displayName(_ text: String) -> Panel { with { $0.field.displayName = text } }
  /// ```swift
  /// .thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 50) }
  /// .thresholds(.percentage) { Step(.green); Step(.red, from: 90) }
  /// ```
  public func thresholds(_ mode: ThresholdMode = .absolute, @ThresholdBuilder _ steps: () -> [Step]) -> Panel {
    with { $0.field.thresholds = Thresholds(mode, steps: steps) }
  }
  public func thresholds(_ thresholds: Thresholds) -> Panel { with { $0.field.thresholds = thresholds } }
  /// ```swift
  /// .color(.thresholds)   .color(.fixed(.red))
  /// ```
  public func color(_ mode: ColorMode) -> Panel { with { $0.field.color = mode } }
  public func mappings(@ValueMappingBuilder _ mappings: () -> [ValueMapping]) -> Panel {
    with { $0.field.mappings += mappings() }
  }
  public func overrides(@FieldOverrideBuilder _ overrides: () -> [FieldOverride]) -> Panel {
    with { $0.overrides += overrides() }
  }
  public func links(@LinkBuilder _ links: () -> [Link]) -> Panel { with { $0.links += links() } }
  /// Legend options; only time series, heatmap and state timeline panels have a legend.
  public func legend(_ legend: LegendOptions) -> Panel {
    with {
      $0.legend = legend
      if !$0.visualization.hasLegendAndTooltip { $0.misapplied.append("legend") }
    }
  }
  /// Tooltip options; only time series, heatmap and state timeline panels have this tooltip.
  public func tooltip(_ tooltip: TooltipOptions) -> Panel {
    with {
      $0.tooltip = tooltip
      if !$0.visualization.hasLegendAndTooltip { $0.misapplied.append("tooltip") }
    }
  }
  /// Repeats the panel once per value of `variable` (which should allow several values).
  public func repeatBy(
    _ variable: String, direction: Repeat.Direction = .horizontal, maxPerRow: Int? = nil
  ) -> Panel {
    with { $0.repeatBy = Repeat(variable: variable, direction: direction, maxPerRow: maxPerRow) }
  }
  public func transparent(_ transparent: Bool = true) -> Panel { with { $0.isTransparent = transparent } }
  public func minInterval(_ interval: PromDuration) -> Panel { with { $0.minInterval = interval } }
  public func maxDataPoints(_ points: Int) -> Panel { with { $0.maxDataPoints = points } }
  /// Width (1…24 columns) and height (grid lines) of the panel.
  public func size(width: Int? = nil, height: Int? = nil) -> Panel {
    with {
      if let width { $0.layout.width = width }
      if let height { $0.layout.height = height }
    }
  }
  /// Pins the panel at column `x`, line `y` of its section (the dashboard top or its row's content).
  public func position(x: Int, y: Int) -> Panel { with { $0.layout.position = GridPoint(x: x, y: y) } }
  /// How a stat, gauge or bar gauge panel reduces each series to one value.
  public func reduce(_ calculation: ReduceCalculation, showAllValues: Bool = false) -> Panel {
    with {
      guard $0.visualization.reduce != nil else { return $0.misapplied.append("reduce") }
      $0.visualization.reduce = ReduceOptions(calculation, showAllValues: showAllValues)
    }
  }


  /// Changes the options of one panel kind, or records the modifier as misapplied on another kind.
  func updating<Options>(
    _ kind: WritableKeyPath<Visualization, Options?>, modifier: String, _ change: (inout Options) -> Void
  ) -> Panel {
    with {
      guard var options = $0.visualization[keyPath: kind] else { return $0.misapplied.append(modifier) }
      change(&options)
      $0.visualization[keyPath: kind] = options
    }
  }
}
