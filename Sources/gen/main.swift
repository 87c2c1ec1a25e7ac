import Foundation
import GenCLI
import WebSocketSpecs

exit(Gen.main(environments: Specs.environments, arguments: Array(CommandLine.arguments.dropFirst())))
