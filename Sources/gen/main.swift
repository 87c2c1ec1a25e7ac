import Foundation
import GenCLI
import Specs

exit(Gen.main(environments: Specs.environments, arguments: Array(CommandLine.arguments.dropFirst())))
