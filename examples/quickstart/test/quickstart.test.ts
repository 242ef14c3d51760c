import { inMemoryEventStore } from '@account-ownership/core'
import { expect, it } from 'vitest'
import { runQuickstart } from '../src/main.js'

it('runs the quickstart: opened, assigned, granted, transfer requested, approved, transferred, archived', async () => {
  const lines: string[] = []
  await runQuickstart(inMemoryEventStore(), (line) => lines.push(line))
  const types = lines.slice(1).map((l) => l.trim().split(/\s+/)[2])
  expect(types).toEqual([
    'AccountOpened',
    'OwnershipAssigned',
    'AccessGranted',
    'OwnershipTransferRequested',
    'OwnershipTransferApproved',
    'OwnershipTransferred',
    'AccountArchived',
  ])
})
