/**
 * The shape shared by every domain event and command: a `type` discriminant and readonly `data`.
 *
 * @module
 */
import * as t from 'io-ts'

/**
 * A fact that happened, in the past tense (`OwnershipTransferred`).
 * @category model
 * @since 0.1.0
 */
export interface Event<Type extends string = string, Data = unknown> {
  readonly type: Type
  readonly data: Data
}

/**
 * An intent, in the imperative (`TransferOwnership`).
 * @category model
 * @since 0.1.0
 */
export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type
  readonly data: Data
}

/**
 * An exact codec of `{ type, data }`: unknown fields are stripped, missing ones fail by name.
 * Optional data fields are listed in `optional` and may be absent.
 * @category codecs
 * @since 0.1.0
 */
export const message = <Type extends string, P extends t.Props, O extends t.Props = {}>(
  type: Type,
  props: P,
  optional?: O,
) =>
  t.readonly(
    t.exact(
      t.type({
        type: t.literal(type),
        data: t.readonly(
          t.exact(t.intersection([t.type(props), t.partial((optional ?? {}) as O)])),
        ),
      }),
    ),
    type,
  )
