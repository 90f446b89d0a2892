import { TypeCompiler } from '@sinclair/typebox/compiler';
import { SirDocument } from '@waken/contracts';
import { isWellFormedDeep } from './canonical-json';

const check = TypeCompiler.Compile(SirDocument);

/** Problems with `value` as a SirDocument (contract schema + well-formed strings); empty when valid. */
export function sirDocumentProblems(value: unknown): string[] {
  if (!check.Check(value)) {
    return [...check.Errors(value)].slice(0, 5).map((e) => `${e.path || '/'} ${e.message}`);
  }
  return isWellFormedDeep(value) ? [] : ['a string holds a lone UTF-16 surrogate'];
}
