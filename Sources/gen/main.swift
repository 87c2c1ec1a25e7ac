import Foundation
import GenCLI
import Specs

exit(Gen.main(catalog: Specs.catalog, arguments: Array(CommandLine.arguments.dropFirst())))
