/**
 * A HubSpot JSON document spread over lines — one response page (`{ "results": [...] }`) or an
 * array of companies — parsed as it streams: each company is handed out as soon as its object
 * closes, and the parser keeps nothing it has handed out, so a document of a million companies
 * never sits in memory whole.
 *
 * @module
 */
import { JSONParser, TokenType } from '@streamparser/json'

/**
 * A company of the document, with the path it sits at (`[i]` or `results[i]`).
 * @category hubspot
 * @since 0.3.0
 */
export interface DocumentCompany {
  readonly company: unknown
  readonly path: string
}

/**
 * A document being read: `write` each line, `take` the companies completed so far, `end` at the
 * end of the file — which says whether it held a list of companies, or why not.
 * @category hubspot
 * @since 0.3.0
 */
export interface StreamedDocument {
  write(line: string): void
  take(): ReadonlyArray<DocumentCompany>
  end(): { readonly ok: true } | { readonly ok: false; readonly reason: string }
}

/**
 * A streamed document whose first character is `opening`.
 * @category hubspot
 * @since 0.3.0
 */
export const streamedDocument = (opening: string): StreamedDocument => {
  const array = opening === '['
  const parser = new JSONParser({ paths: [array ? '$.*' : '$.results.*'], keepStack: false })
  let completed: DocumentCompany[] = []
  let failure: string | undefined
  let ended = false
  // A page is told by its key `results` opening an array at the top level; its companies alone are
  // not enough, since an empty page has none.
  let listed = array
  let depth = 0
  let lastTwo: [unknown, unknown] = [undefined, undefined]
  parser.onToken = ({ token, value }) => {
    if (token === TokenType.LEFT_BRACKET && depth === 1 && lastTwo[0] === 'results' && lastTwo[1] === TokenType.COLON) listed = true
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) depth++
    if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth--
    lastTwo = [lastTwo[1], token === TokenType.STRING ? value : token]
  }
  // `results` that is no array holds no companies, whatever its values look like.
  parser.onValue = ({ value, key }) => {
    if (listed) completed.push({ company: value, path: array ? `[${String(key)}]` : `results[${String(key)}]` })
  }
  parser.onError = (e) => (failure ??= e.message)
  parser.onEnd = () => (ended = true)
  return {
    write(line) {
      if (failure === undefined && !ended) parser.write(`${line}\n`)
      else if (failure === undefined && line.trim() !== '') failure = 'text follows the end of the document'
    },
    take() {
      const taken = completed
      completed = []
      return taken
    },
    end() {
      if (!ended && failure === undefined) parser.end()
      if (failure !== undefined) return { ok: false, reason: `is neither JSON nor JSON Lines (${failure})` }
      return listed ? { ok: true } : { ok: false, reason: 'holds neither { "results": [...] } nor an array of companies' }
    },
  }
}
