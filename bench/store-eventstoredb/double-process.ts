// The store package's gRPC test double in a process of its own, for the filtered-read benchmark:
// so that the benchmark's CPU seconds are the client's alone. It sends its connection string once
// started, then answers `traffic` with the events its reads wrote, and `stop` by ending.
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

type Double = { connectionString: string; traffic: { read: { events: number }; sent: { events: number } }; stop(): Promise<void> }
const esdb = join(fileURLToPath(import.meta.url), '../../../packages/store-eventstoredb')
const { startEsdbDouble } = (await import(pathToFileURL(join(esdb, 'test/double/esdb-double.ts')).href)) as { startEsdbDouble: () => Promise<Double> }

const double = await startEsdbDouble()
process.on('message', (ask: 'traffic' | 'stop') => {
  if (ask === 'traffic') process.send!({ events: double.traffic.read.events + double.traffic.sent.events, cpu: process.cpuUsage() })
  else void double.stop().then(() => process.exit(0))
})
process.send!({ connectionString: double.connectionString })
