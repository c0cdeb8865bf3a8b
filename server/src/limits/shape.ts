import {
  Kind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { Language } from "../i18n/language.ts";
import { tooComplex } from "./errors.ts";
import type { QueryLimits } from "./settings.ts";

/**
 * Issue 15 item 2: depth, aliases and directives of a document, as graphql-armor's max-depth,
 * max-aliases and max-directives measure them. These depend on the document alone (not on its
 * variables or the caller), so they run as validation rules and yoga caches their verdict with the
 * document's validation.
 */
const INTROSPECTION = new Set(["__schema", "__type"]);

export interface Shape {
  /**
   * The deepest nesting of fields of any operation, fragments counted where they are spread.
   * `__schema`/`__type` count 1 whatever is under them (as graphql-armor's ignoreIntrospection): the
   * cost limit sizes introspection by the schema (cost.ts).
   */
  depth: number;
  /** The most aliased fields of any operation, fragments counted each time they are spread. */
  aliases: number;
  /** Directives anywhere in the document. */
  directives: number;
}

export function measureShape(document: DocumentNode): Shape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const measure = fragmentMeasure(fragments);
  let depth = 0;
  let aliases = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const m = measure(d.selectionSet);
    depth = Math.max(depth, m.depth);
    aliases = Math.max(aliases, m.aliases);
  }
  let directives = 0;
  visit(document, { Directive: () => void directives++ });
  return { depth, aliases, directives };
}

/**
 * Depth and aliases of a selection set. Each fragment is measured once (a document spreading a
 * fragment that spreads another, twice at each level, would otherwise take exponential time); a
 * fragment cycle counts nothing here (validation refuses it anyway).
 */
function fragmentMeasure(fragments: Map<string, FragmentDefinitionNode>) {
  const memo = new Map<string, { depth: number; aliases: number }>();
  const visiting = new Set<string>();
  const of = (set: SelectionSetNode | undefined): { depth: number; aliases: number } => {
    let depth = 0;
    let aliases = 0;
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        // Introspection counts as one level (GraphiQL's own query nests 15 deep); cost.ts sizes it.
        const inner = INTROSPECTION.has(s.name.value) ? { depth: 0, aliases: 0 } : of(s.selectionSet);
        depth = Math.max(depth, 1 + inner.depth);
        aliases += (s.alias ? 1 : 0) + inner.aliases;
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const inner = of(s.selectionSet);
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
      } else {
        const name = s.name.value;
        let inner = memo.get(name);
        if (!inner) {
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue;
          visiting.add(name);
          inner = of(fragment.selectionSet);
          visiting.delete(name);
          memo.set(name, inner);
        }
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
      }
    }
    return { depth, aliases };
  };
  return of;
}

/** The shape limits that are exceeded, as errors (empty: the document passes). */
export function shapeErrors(document: DocumentNode, limits: QueryLimits, language: Language, at?: OperationDefinitionNode) {
  const shape = measureShape(document);
  const nodes = at ? [at] : undefined;
  const errors = [];
  if (shape.depth > limits.maxDepth) errors.push(tooComplex("depth", limits.maxDepth, shape.depth, language, nodes));
  if (shape.aliases > limits.maxAliases) errors.push(tooComplex("aliases", limits.maxAliases, shape.aliases, language, nodes));
  if (shape.directives > limits.maxDirectives) errors.push(tooComplex("directives", limits.maxDirectives, shape.directives, language));
  return errors;
}

/**
 * The validation rule. yoga caches a document's validation by the rules' names, so the rule of
 * each language has its own name (a Chinese refusal is not served to an English caller).
 */
export function shapeRule(limits: QueryLimits, language: Language): ValidationRule {
  const rule = (context: ValidationContext) => ({
    Document(document: DocumentNode) {
      const first = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      for (const error of shapeErrors(document, limits, language, first)) context.reportError(error);
      return false; // measured as a whole; nothing to visit node by node
    },
  });
  Object.defineProperty(rule, "name", { value: `TingjianQueryShape_${language}` });
  return rule;
}
