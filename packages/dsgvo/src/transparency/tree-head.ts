/**
 * Signed tree heads (signierte Baumköpfe): the size and root of the Merkle tree over the log at
 * one moment, signed with Ed25519. A head kept outside the system — printed into the audit file,
 * mailed to the DPO, handed to a notary — is what an auditor later verifies today's log against:
 * the log must still contain exactly the events the head covered, in the same order.
 *
 * The signing key comes from configuration (a PEM file or an environment secret), never from the
 * database the log lives in: whoever can rewrite the log must not be able to sign a new head.
 *
 * @module
 */
import { decodeWith, Instant, showProblems, TaggedError } from '@account-ownership/core'
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'

const Hex64 = t.refinement(t.string, (s) => /^[0-9a-f]{64}$/.test(s), 'a SHA-256 digest in lower-case hex')
const Count = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'a whole number ≥ 0')
const Decimal = t.refinement(t.string, (s) => /^(0|[1-9][0-9]{0,18})$/.test(s), 'a global position in decimal')
// 64 bytes take 86 characters and `==`; the last character carries 4 bits that are not the
// signature's, so only the spelling that encodes them as 0 is taken: one signature, one text.
const Base64 = t.refinement(t.string, (s) => /^[A-Za-z0-9+/]{86}==$/.test(s) && Buffer.from(s, 'base64').toString('base64') === s, 'an Ed25519 signature in base64')

/**
 * A signed tree head, as kept and exchanged (JSON).
 * @category tamper evidence
 * @since 0.2.0
 */
export const TreeHead = t.readonly(
  t.exact(
    t.type({
      /** How many events the tree covers: the first `treeSize` events of the log in global order. */
      treeSize: Count,
      /** The Merkle root (RFC 9162 MTH) over their chain hashes. */
      rootHash: Hex64,
      /** The global position of the last event covered ("0" for the empty tree). */
      lastPosition: Decimal,
      takenAt: Instant,
      /** SHA-256 (hex) of the signing key's public key (SPKI DER). */
      keyId: Hex64,
      signature: Base64,
    }),
  ),
  'TreeHead',
)
/** @category tamper evidence @since 0.2.0 */
export type TreeHead = t.TypeOf<typeof TreeHead>

/**
 * A tree head that does not decode, or whose key or signature is not right.
 * @category errors
 * @since 0.2.0
 */
export class InvalidTreeHeadError extends TaggedError('InvalidTreeHeadError') {
  readonly field: string
  constructor(field: string, reason: string) {
    super(`invalid tree head: ${field}: ${reason}`)
    this.field = field
  }
}

/**
 * The keys a tree head is signed with (private) or checked against (public).
 * @category tamper evidence
 * @since 0.2.0
 */
export interface TreeHeadSigner {
  readonly privateKey: KeyObject
  readonly keyId: string
}

const keyIdOf = (publicKey: KeyObject): string => createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')

/**
 * A signer from an Ed25519 private key (a `KeyObject` or PKCS#8 PEM text).
 * @category tamper evidence
 * @since 0.2.0
 * @example
 * const signer = treeHeadSigner(process.env.TREE_HEAD_KEY ?? '')
 */
export const treeHeadSigner = (key: KeyObject | string): E.Either<InvalidTreeHeadError, TreeHeadSigner> => {
  try {
    const privateKey = typeof key === 'string' ? createPrivateKey(key) : key
    if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') return E.left(new InvalidTreeHeadError('privateKey', 'expected an Ed25519 private key'))
    return E.right({ privateKey, keyId: keyIdOf(createPublicKey(privateKey)) })
  } catch {
    return E.left(new InvalidTreeHeadError('privateKey', 'expected an Ed25519 private key (PKCS#8 PEM or KeyObject)'))
  }
}

/**
 * What a head says, before it is signed.
 * @category tamper evidence
 * @since 0.2.0
 */
export type UnsignedTreeHead = Omit<TreeHead, 'keyId' | 'signature'>

// The exact bytes signed: a fixed label, then each field on a line of its own.
const signedBytes = (head: UnsignedTreeHead): Buffer =>
  Buffer.from(`account-ownership tree head v1\n${head.treeSize}\n${head.rootHash}\n${head.lastPosition}\n${head.takenAt}\n`, 'utf8')

/**
 * Sign a tree head.
 * @category tamper evidence
 * @since 0.2.0
 */
export const signTreeHead = (head: UnsignedTreeHead, signer: TreeHeadSigner): TreeHead => ({
  ...head,
  keyId: signer.keyId,
  signature: sign(null, signedBytes(head), signer.privateKey).toString('base64'),
})

/**
 * The Ed25519 public key tree heads are checked against, from a `KeyObject` (public, or the private
 * key it belongs to) or SPKI PEM text; anything else is an `InvalidTreeHeadError` naming `publicKey`.
 * @category tamper evidence
 * @since 0.4.0
 */
export const treeHeadPublicKey = (key: KeyObject | string): E.Either<InvalidTreeHeadError, KeyObject> => {
  let publicKey: KeyObject
  try {
    publicKey = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key
  } catch {
    return E.left(new InvalidTreeHeadError('publicKey', 'expected an Ed25519 public key (SPKI PEM or KeyObject)'))
  }
  return publicKey.asymmetricKeyType === 'ed25519' ? E.right(publicKey) : E.left(new InvalidTreeHeadError('publicKey', 'expected an Ed25519 public key'))
}

/**
 * Decode a tree head kept outside the system (parsed JSON) and check its signature against the
 * public key (a `KeyObject` or SPKI PEM text).
 * @category tamper evidence
 * @since 0.2.0
 * @example
 * const head = checkTreeHead(JSON.parse(readFileSync('head-2026-03-12.json', 'utf8')), publicKeyPem)
 */
export const checkTreeHead = (u: unknown, key: KeyObject | string): E.Either<InvalidTreeHeadError, TreeHead> => {
  const decoded = decodeWith(TreeHead)(u)
  if (E.isLeft(decoded)) return E.left(new InvalidTreeHeadError(decoded.left.field, showProblems(decoded.left.problems)))
  const checked = treeHeadPublicKey(key)
  if (E.isLeft(checked)) return checked
  const publicKey = checked.right
  const head = decoded.right
  if (head.keyId !== keyIdOf(publicKey)) return E.left(new InvalidTreeHeadError('keyId', 'the head was signed with another key'))
  const signed = verify(null, signedBytes(head), publicKey, Buffer.from(head.signature, 'base64'))
  return signed ? E.right(head) : E.left(new InvalidTreeHeadError('signature', 'the signature does not match what the head says'))
}
