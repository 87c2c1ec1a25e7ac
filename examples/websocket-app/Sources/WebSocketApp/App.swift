import ArgumentParser
import Hummingbird
import HummingbirdWebSocket
import Logging
import Prometheus
import ServiceLifecycle
import UnixSignals

@main
struct Placeholder {
  static func main() {}
}
