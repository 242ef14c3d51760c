#!/usr/bin/env node
/**
 * The `account-ownership` executable: runs the command line on the process's arguments and
 * leaves with its exit code.
 *
 * @module
 */
import { runCli } from './cli-program.js'

process.exitCode = await runCli(process.argv.slice(2))
