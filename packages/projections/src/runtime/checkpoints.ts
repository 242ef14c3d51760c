/**
 * Checkpoints (Verarbeitungsstand) of projections: prepared at the start of a run, moved with
 * each batch. A projection seen for the first time gets its tables; one whose version changed
 * gets new tables and starts again at zero — in one transaction, so a crash leaves either the
 * old read model or the new empty one.
 *
 * @module
 */
import type { Kysely, Transaction } from 'kysely'
import { createCheckpointTable, positionOf, type CheckpointTables } from './checkpoint.table.js'
import { CheckpointMovedError } from './projection-errors.js'
import type { Projection } from './projection.js'

const recreate = async (tx: Transaction<any>, projection: Projection): Promise<void> => {
  for (const table of projection.tables) await tx.schema.dropTable(table).ifExists().execute()
  await projection.createTables(tx)
}

/**
 * The checkpoint of a projection, after creating or rebuilding its tables as its version asks;
 * `rebuild` forces a start from zero.
 * @category runtime
 * @since 0.1.0
 */
export const prepareCheckpoint = async (db: Kysely<any>, projection: Projection, rebuild = false): Promise<bigint> => {
  await createCheckpointTable(db)
  return db.transaction().execute(async (tx) => {
    const checkpoints = tx as unknown as Transaction<CheckpointTables>
    // The position as text: SQLite hands integers back as numbers, which lose precision beyond 2^53.
    const row = await checkpoints
      .selectFrom('projection_checkpoints')
      .select((eb) => ['version', eb.cast<string>('position', 'text').as('position')])
      .where('name', '=', projection.name)
      .executeTakeFirst()
    if (row === undefined) {
      await recreate(tx, projection)
      await checkpoints.insertInto('projection_checkpoints').values({ name: projection.name, version: projection.version, position: '0' }).execute()
      return 0n
    }
    if (rebuild || row.version !== projection.version) {
      await recreate(tx, projection)
      await checkpoints
        .updateTable('projection_checkpoints')
        .set({ version: projection.version, position: '0' })
        .where('name', '=', projection.name)
        .execute()
      return 0n
    }
    return positionOf(row.position)
  })
}

/**
 * Move a checkpoint from `from` to `to` inside the batch's transaction. If it is no longer at
 * `from`, or another version of the projection rebuilt it meanwhile, another runtime got there
 * first and the batch must roll back.
 * @category runtime
 * @since 0.1.0
 */
export const moveCheckpoint = async (tx: Transaction<any>, projection: Pick<Projection, 'name' | 'version'>, from: bigint, to: bigint): Promise<void> => {
  const name = projection.name
  const result = await (tx as unknown as Transaction<CheckpointTables>)
    .updateTable('projection_checkpoints')
    .set({ position: to.toString() })
    .where('name', '=', name)
    .where('version', '=', projection.version)
    .where('position', '=', from.toString())
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n) throw new CheckpointMovedError(name, from)
}
