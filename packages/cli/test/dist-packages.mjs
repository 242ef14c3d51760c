// Loads the workspace's packages from their built `dist/` (what `tsc -b` emits and what a user
// installs), instead of the TypeScript sources their `exports` name inside the repository. The
// child processes of the tests start with `--import` of this file, so the executable runs as
// plain JavaScript, as published.
import { register } from 'node:module'

register('./dist-packages-hooks.mjs', import.meta.url)
