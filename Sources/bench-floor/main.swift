// The write-only floor of `scripts/bench`: a compiled process that does nothing but write the bytes
// of a file (a dashboard rendered beforehand) to stdout. `bench-dashboard N` is measured against it.
// The file is read with one read(2) into one buffer before writing, so the process does no more than
// start, fill a buffer and write it, as any generator must.
import Glibc

/// Writes `text` to standard error (fd 2; the C `stderr` global is not concurrency-safe in Swift 6).
func printError(_ text: String) {
  var text = text
  text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
  printError("usage: bench-floor FILE   (writes FILE's bytes to stdout)\n")
  exit(2)
}
let descriptor = open(arguments[1], O_RDONLY)
guard descriptor >= 0 else {
  printError("bench-floor: cannot open \(arguments[1])\n")
  exit(1)
}
var status = stat()
guard fstat(descriptor, &status) == 0 else { exit(1) }
let size = Int(status.st_size)
let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 16)
var filled = 0
while filled < size {
  let count = read(descriptor, buffer + filled, size - filled)
  if count <= 0 { exit(1) }
  filled += count
}
var offset = 0
while offset < size {
  let count = write(1, buffer + offset, size - offset)
  if count <= 0 { exit(1) }
  offset += count
}
