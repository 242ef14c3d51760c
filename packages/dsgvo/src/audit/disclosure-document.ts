/**
 * The Art. 15 disclosure as a document a data-protection officer can hand over: Markdown with
 * German and English headings (Auskunft nach Art. 15 DSGVO — Access under Art. 15 GDPR), one
 * section per letter of Art. 15(1) and (2), every table cell escaped.
 *
 * @module
 */
import type { SubjectDisclosure } from './subject-disclosure.queries.js'

// A cell may hold anything a user typed: keep it on one line and out of the table syntax.
const cell = (value: unknown): string => String(value ?? '—').replace(/[\\|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')

const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>): string =>
  rows.length === 0 ? '_keine / none_' : [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n')

const list = (items: ReadonlyArray<string>): string => (items.length === 0 ? '_keine / none_' : items.map((i) => `- ${cell(i)}`).join('\n'))

/**
 * The disclosure as Markdown.
 * @category audit
 * @since 0.2.0
 */
export const disclosureDocument = (d: SubjectDisclosure): string =>
  [
    `# Auskunft nach Art. 15 DSGVO — Access under Art. 15 GDPR`,
    `Betroffene Person / Data subject: \`${cell(d.report.subjectId)}\``,
    `Verantwortlicher / Controller: ${cell(d.controller.name)} (${cell(d.controller.contact)})` +
      (d.dataProtectionOfficer === undefined ? '' : `  \nDatenschutzbeauftragter / Data protection officer: ${cell(d.dataProtectionOfficer.name)} (${cell(d.dataProtectionOfficer.contact)})`),
    `## Verarbeitungszwecke und Rechtsgrundlagen — Purposes and legal bases (Art. 15(1)(a))`,
    table(['Zweck / Purpose', 'Rechtsgrundlage / Legal basis'], d.purposes.map((p) => [p.purpose, p.legalBasis])),
    `## Kategorien personenbezogener Daten — Categories of personal data (Art. 15(1)(b))`,
    list(d.dataCategories),
    `## Gespeicherte Daten — The data held`,
    table(
      ['Konto / Account', 'Rolle / Role', 'Von / From', 'Bis / To', 'Quelle / Source'],
      [
        ...d.report.mentions.map((m) => [m.accountId, `contact: ${m.role}${m.personalData === undefined ? '' : ` ${Object.values(m.personalData).join(', ')}`}`, m.mappedAt, m.removedAt, `${m.source.streamId}@${m.source.streamVersion}`]),
        ...d.report.accessPeriods.map((p) => [p.accountId, `${p.kind}${p.detail === null ? '' : `: ${p.detail}`}`, p.from, p.to, `${p.source.streamId}@${p.source.streamVersion}`]),
        ...d.report.accountRecords.map((r) => [r.accountId, `${r.eventType}: ${Object.values(r.personalData).flat().join(', ')}`, r.occurredAt, null, `${r.source.streamId}@${r.source.streamVersion}`]),
        ...(d.report.principalRecords ?? []).map((r) => [r.accountId, `${r.eventType}: ${Object.values(r.personalData).flat().join(', ')}`, r.occurredAt, null, `${r.source.streamId}@${r.source.streamVersion}`]),
      ],
    ),
    `## Empfänger — Recipients (Art. 15(1)(c))`,
    table(['Empfänger / Recipient', 'Konto / Account', 'Rolle / Role', 'Von / From', 'Bis / To'], d.recipients.map((r) => [r.principalId, r.accountId, r.role, r.from, r.to])),
    `## Speicherdauer — Storage period (Art. 15(1)(d))`,
    table(['Konto / Account', 'Aufbewahrt bis / Kept until', 'Regel / Rule'], d.storagePeriods.map((s) => [s.accountId, s.keptUntil, s.rule])),
    `## Ihre Rechte — Your rights (Art. 15(1)(e))`,
    list(d.rights),
    `## Beschwerderecht — Right to lodge a complaint (Art. 15(1)(f))`,
    `${cell(d.complaint.right)}${d.complaint.supervisoryAuthority === undefined ? '' : `: ${cell(d.complaint.supervisoryAuthority.name)} (${cell(d.complaint.supervisoryAuthority.contact)})`}`,
    `## Herkunft der Daten — Source of the data (Art. 15(1)(g))`,
    table(['Erfasst von / Recorded by', 'Einträge / Facts'], d.sources.map((s) => [s.recordedBy, s.facts])),
    `## Automatisierte Entscheidungen — Automated decision-making (Art. 15(1)(h))`,
    cell(d.automatedDecisions),
    `## Übermittlung in Drittländer — Transfers to third countries (Art. 15(2))`,
    table(['Land / Country', 'Empfänger / Recipient', 'Garantie / Safeguard'], d.thirdCountryTransfers.map((t) => [t.country, t.recipient, t.safeguard])),
    `## Löschungen — Erasures`,
    table(['Gelöscht am / Erased at', 'Rechtsgrund / Ground', 'Schlüssel / Keys'], d.report.erasures.map((e) => [e.erasedAt, e.legalGround, e.keysDestroyed])),
    '',
  ].join('\n\n')
