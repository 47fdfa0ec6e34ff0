// Hummingbird's minimal hello-world route, the ceiling of Benchmarks/server/run.sh:
//
//   innobond-hello PORT     (built with INNOBOND_BENCHMARKS=1)
import Hummingbird

let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8081
let router = Router()
router.get("/") { _, _ in "Hello, world!" }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
