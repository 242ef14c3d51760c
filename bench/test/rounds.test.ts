// The comparison's peak RSS must see what a block reaches while it holds the event loop: a
// rebuild runs batch after batch without giving a timer a turn, so a sampler on a timer reported
// the RSS after the work instead of its peak.
import { existsSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { inRounds } from '../comparison/rounds.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const mib = 2 ** 20

describe.skipIf(!existsSync('/proc/self/clear_refs'))('inRounds', () => {
  it('reports the peak RSS of a block that never yields, not the RSS after it', async () => {
    const [figure] = await inRounds([{ name: 'holds the loop' }], 1, async () => {
      // 256 MiB on the V8 heap, let go again before the block ends, all without an await (a full
      // GC gives a large array's pages back at once; an ArrayBuffer's would go later).
      let held: number[] | undefined = new Array<number>((256 * mib) / 8).fill(1.5)
      held = undefined
      gc()
      return held === undefined ? 1 : 0
    })
    expect(figure!.peakRssMb - (figure!.startRssMb ?? Infinity)).toBeGreaterThan(200)
    expect(process.memoryUsage.rss() / mib).toBeLessThan(figure!.peakRssMb - 200)
  })
})
