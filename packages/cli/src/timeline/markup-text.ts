/**
 * Text placed into HTML or SVG markup: every character that could open a tag, an attribute or an
 * entity is escaped, so ids and names from the log can never inject markup into a report.
 *
 * @module
 */

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * The text with `& < > " '` escaped, safe inside an element or a quoted attribute.
 * @category timeline
 * @since 0.2.0
 */
export const markupText = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]!)
