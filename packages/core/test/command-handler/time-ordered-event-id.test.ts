import { describe, expect, it, vi } from 'vitest'
import { EventId, timeOrderedEventId } from '@account-ownership/core'

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const millisOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16)

describe('timeOrderedEventId', () => {
  it('is a UUID version 7 carrying the time it was made, and a valid event id', () => {
    const before = Date.now()
    const id = timeOrderedEventId()
    expect(id).toMatch(uuidV7)
    expect(EventId.is(id)).toBe(true)
    expect(millisOf(id)).toBeGreaterThanOrEqual(before)
    expect(millisOf(id)).toBeLessThanOrEqual(Date.now())
  })

  it('sorts in the order the ids were made, many within one millisecond, all distinct', () => {
    const ids = Array.from({ length: 20_000 }, timeOrderedEventId)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('keeps growing when the clock stands still or steps back', () => {
    const clock = vi.spyOn(Date, 'now')
    try {
      clock.mockReturnValue(Date.UTC(2030, 0, 1))
      const ids = Array.from({ length: 5_000 }, timeOrderedEventId) // more than one millisecond's counter holds
      clock.mockReturnValue(Date.UTC(2029, 0, 1))
      ids.push(...Array.from({ length: 10 }, timeOrderedEventId))
      expect([...ids].sort()).toEqual(ids)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.every((id) => uuidV7.test(id))).toBe(true)
    } finally {
      clock.mockRestore()
    }
  })
})
