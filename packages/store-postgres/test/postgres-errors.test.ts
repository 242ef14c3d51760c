import { isPostgresFailure, sqlStateOf, storeErrorOfPostgres } from '@account-ownership/store-postgres'
import pg from 'pg'
import { describe, expect, it } from 'vitest'

// A server error as pg builds it from the wire: a DatabaseError carrying the SQLSTATE.
const serverError = (code: string, message = 'from the server') => Object.assign(new pg.DatabaseError(message, 0, 'error'), { code })
const systemError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code, errno: -1, syscall: 'connect' })

describe('storeErrorOfPostgres', () => {
  it.each<[string, boolean]>([
    ['40001', true], // serialization_failure
    ['40P01', true], // deadlock_detected
    ['55P03', true], // lock_not_available
    ['57P01', true], // admin_shutdown
    ['57P02', true], // crash_shutdown
    ['57P03', true], // cannot_connect_now (starting up)
    ['57014', true], // query_canceled
    ['08006', true], // connection_failure (class 08)
    ['53300', true], // too_many_connections (class 53)
    ['3D000', false], // invalid_catalog_name: no such database
    ['28P01', false], // invalid_password (class 28)
    ['42P01', false], // undefined_table
    ['42501', false], // insufficient_privilege (class 42)
    ['22P02', false], // invalid_text_representation (class 22)
    ['23505', false], // unique_violation (class 23)
  ])('maps SQLSTATE %s to a StoreUnavailableError, retryable: %s', (code, retryable) => {
    const error = storeErrorOfPostgres(serverError(code))
    expect(error).toMatchObject({ _tag: 'StoreUnavailableError', retryable })
    expect(error.reason).toContain(code)
    expect(isPostgresFailure(serverError(code))).toBe(true)
  })

  it.each<[string, boolean]>([
    ['ECONNREFUSED', true],
    ['ECONNRESET', true],
    ['ETIMEDOUT', true],
    ['EHOSTUNREACH', true],
    ['ENOTFOUND', false],
  ])('maps the network error %s to a StoreUnavailableError, retryable: %s', (code, retryable) => {
    expect(storeErrorOfPostgres(systemError(code))).toMatchObject({ _tag: 'StoreUnavailableError', retryable })
    expect(isPostgresFailure(systemError(code))).toBe(true)
  })

  it.each<[string, boolean]>([
    ['timeout exceeded when trying to connect', true],
    ['Connection terminated unexpectedly', true],
    ['Cannot use a pool after calling end on the pool', false],
  ])('maps pg’s own failure “%s”, retryable: %s', (message, retryable) => {
    expect(storeErrorOfPostgres(new Error(message))).toMatchObject({ _tag: 'StoreUnavailableError', retryable })
    expect(isPostgresFailure(new Error(message))).toBe(true)
  })

  it('leaves a bug a bug: a TypeError is no driver failure', () => {
    expect(isPostgresFailure(new TypeError('x is undefined'))).toBe(false)
    expect(sqlStateOf(new Error('plain'))).toBeUndefined()
  })
})
