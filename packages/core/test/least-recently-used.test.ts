// Given a bounded map, when entries are set and used, then it keeps the `capacity` most recently
// used ones — against a model that keeps the full order of use (fast-check).
import { leastRecentlyUsed } from '@account-ownership/core'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'

type Step = { readonly op: 'get' | 'peek' | 'set' | 'delete'; readonly key: number; readonly value: number }
const step = fc.record({ op: fc.constantFrom<Step['op']>('get', 'peek', 'set', 'delete'), key: fc.integer({ min: 0, max: 6 }), value: fc.integer() })

describe('leastRecentlyUsed', () => {
  it('answers as a model that drops the least recently used beyond capacity; peek is no use', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 60 }), (capacity, steps) => {
        const cache = leastRecentlyUsed<number, number>(capacity)
        let model: Array<[number, number]> = []
        const touch = (key: number, value: number) => {
          model = [...model.filter(([k]) => k !== key), [key, value] as [number, number]].slice(-capacity)
        }
        for (const { op, key, value } of steps) {
          const found = model.find(([k]) => k === key)?.[1]
          if (op === 'get') {
            expect(cache.get(key)).toBe(found)
            if (found !== undefined) touch(key, found)
          } else if (op === 'peek') expect(cache.peek(key)).toBe(found)
          else if (op === 'set') {
            cache.set(key, value)
            touch(key, value)
          } else {
            cache.delete(key)
            model = model.filter(([k]) => k !== key)
          }
        }
        for (const [k, v] of model) expect(cache.peek(k)).toBe(v)
      }),
    )
  })
})
