import { TypeCompiler, TypeCheck } from '@sinclair/typebox/compiler';
import { FormatRegistry, Static, TSchema } from '@sinclair/typebox';

// RFC 3339 timestamps: the only string format the contracts use.
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (v) => !Number.isNaN(Date.parse(v)));
}

/** A problem found while validating a record against its contract. */
export class ContractViolation extends Error {
  constructor(
    readonly topic: string,
    readonly problems: string[],
  ) {
    super(`${topic}: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'ContractViolation';
  }
}

/**
 * One versioned event on one topic: its JSON Schema (TypeBox), a compiled validator and an
 * example payload. A breaking change is a new definition on a new topic (STYLE.md, Contracts).
 */
export interface EventDefinition<S extends TSchema = TSchema> {
  readonly name: string;
  readonly version: number;
  readonly topic: string;
  readonly summary: string;
  readonly schema: S;
  readonly example: Static<S>;
  /** Returns the value typed, or throws ContractViolation. */
  parse(value: unknown): Static<S>;
  /** Problems as human-readable strings; empty when valid. */
  problems(value: unknown): string[];
}

export function defineEvent<S extends TSchema>(spec: {
  name: string;
  version: number;
  topic: string;
  summary: string;
  schema: S;
  example: Static<S>;
}): EventDefinition<S> {
  const check: TypeCheck<S> = TypeCompiler.Compile(spec.schema);
  const problems = (value: unknown): string[] =>
    check.Check(value) ? [] : [...check.Errors(value)].slice(0, 20).map((e) => `${e.path || '/'} ${e.message}`);
  return {
    ...spec,
    problems,
    parse(value: unknown): Static<S> {
      if (check.Check(value)) return value;
      throw new ContractViolation(spec.topic, problems(value));
    },
  };
}

/** The topic that receives records of `topic` that could not be processed. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
