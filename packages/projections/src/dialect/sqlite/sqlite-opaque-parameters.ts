/**
 * A Kysely plugin that hides bound values from SQLite's query planner. Where the planner may
 * look at a bound value — a LIMIT or an OFFSET, a text compared with `=` in a query with an ORDER
 * BY — SQLite (built with STAT4, as better-sqlite3 is) prepares the statement again at every
 * call, which makes a lookup of one ownership period take three to six times as long
 * (`bench/projections/queries.bench.ts`: 79 against 22 µs at the median). Wrapped in
 * `CAST(? AS …)`, the value stays a parameter, the plan is made once and the statement cache
 * keeps it.
 *
 * A text cast to text is itself, so a comparison answers as before wherever the column has a
 * type (every read model of this repository declares one); only a column declared without a type
 * would now compare its numbers as text. A text compared with anything but a column (a function,
 * arithmetic, an aggregate: expressions without a type of their own, which the cast would give
 * one) stays as it is.
 *
 * @module
 */
import { BinaryOperationNode, CastNode, ColumnNode, DataTypeNode, LimitNode, OffsetNode, OperationNodeTransformer, OperatorNode, ReferenceNode, ValueNode, type KyselyPlugin, type OperationNode } from 'kysely'

const comparisons: ReadonlySet<string> = new Set(['=', '==', '!=', '<>', '<', '<=', '>', '>='])

const isBound = (node: OperationNode): node is ValueNode => ValueNode.is(node) && node.immediate !== true

const cast = (node: ValueNode, type: 'text' | 'integer') => CastNode.create(node, DataTypeNode.create(type))

class OpaqueParameters extends OperationNodeTransformer {
  protected override transformBinaryOperation(node: BinaryOperationNode): BinaryOperationNode {
    const transformed = super.transformBinaryOperation(node)
    const { leftOperand, operator, rightOperand } = transformed
    const comparison = OperatorNode.is(operator) && comparisons.has(operator.operator)
    const column = ReferenceNode.is(leftOperand) || ColumnNode.is(leftOperand)
    return comparison && column && isBound(rightOperand) && typeof rightOperand.value === 'string' ? BinaryOperationNode.create(leftOperand, operator, cast(rightOperand, 'text')) : transformed
  }

  protected override transformLimit(node: LimitNode): LimitNode {
    const transformed = super.transformLimit(node)
    return isBound(transformed.limit) ? LimitNode.create(cast(transformed.limit, 'integer')) : transformed
  }

  protected override transformOffset(node: OffsetNode): OffsetNode {
    const transformed = super.transformOffset(node)
    return isBound(transformed.offset) ? OffsetNode.create(cast(transformed.offset, 'integer')) : transformed
  }
}

const transformer = new OpaqueParameters()

/**
 * The plugin `sqliteReadModels` installs: bound values the planner would look at are cast to
 * their own type, so that each statement is planned once.
 * @category dialects
 * @since 0.3.0
 */
export const opaqueParameters: KyselyPlugin = {
  transformQuery: ({ node, queryId }) => transformer.transformNode(node, queryId),
  transformResult: async ({ result }) => result,
}
