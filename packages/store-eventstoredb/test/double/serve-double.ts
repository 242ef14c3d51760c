/**
 * Start the test double on its own and print its connection string, so that the tests meant for
 * a real server can be pointed at it: `tsx test/double/serve-double.ts`, then
 * `EVENTSTOREDB_URL=<printed> vitest run … eventstoredb-server`. Stops on SIGINT or SIGTERM.
 *
 * @module
 */
import { startEsdbDouble } from './esdb-double.js'

const double = await startEsdbDouble()
process.stdout.write(`${double.connectionString}\n`)
const stop = () => void double.stop().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
