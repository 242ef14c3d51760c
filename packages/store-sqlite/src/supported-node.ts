/**
 * The Node.js the embedded store runs on: 22 or newer, as better-sqlite3 13 needs. On an older
 * Node, importing the package fails at once with an error naming the version needed — instead of
 * the segmentation fault (exit 139) that better-sqlite3 13 gives on Node 20 at first use.
 *
 * @module
 */

/**
 * The oldest major version of Node.js the store runs on.
 * @category store
 * @since 0.2.0
 */
export const requiredNodeMajor = 22

const running = process.versions.node
if (Number(running.split('.')[0]) < requiredNodeMajor) {
  // Thrown on import, the one edge where a value cannot be handed back.
  throw new Error(
    `@account-ownership/store-sqlite needs Node.js ${requiredNodeMajor} or newer (better-sqlite3 13 crashes on older ones); this is Node.js ${running}. Install Node.js ${requiredNodeMajor} or newer.`,
  )
}
