/// The sending queue of a ``RemoteWrite`` (`queue_config`); unset fields keep Prometheus' defaults.
/// ```swift
/// QueueConfig(capacity: 10_000, maxShards: 50, minShards: 1, maxSamplesPerSend: 2_000,
///             batchSendDeadline: "5s", minBackoff: "30ms", maxBackoff: "5s")
/// ```
public struct QueueConfig: Hashable, Sendable {
  public var capacity: Int?
  public var maxShards: Int?
  public var minShards: Int?
  public var maxSamplesPerSend: Int?
  public var batchSendDeadline: PromDuration?
  public var minBackoff: PromDuration?
  public var maxBackoff: PromDuration?

  public init(
    capacity: Int? = nil, maxShards: Int? = nil, minShards: Int? = nil, maxSamplesPerSend: Int? = nil,
    batchSendDeadline: PromDuration? = nil, minBackoff: PromDuration? = nil, maxBackoff: PromDuration? = nil
  ) {
    self.capacity = capacity
    self.maxShards = maxShards
    self.minShards = minShards
    self.maxSamplesPerSend = maxSamplesPerSend
    self.batchSendDeadline = batchSendDeadline
    self.minBackoff = minBackoff
    self.maxBackoff = maxBackoff
  }
}
