import type { OpenAPIObject } from '@nestjs/swagger';

/** The OpenAPI document as committed in docs/openapi.json: keys sorted so diffs stay readable. */
export function stableOpenApi(doc: OpenAPIObject | Record<string, unknown>): unknown {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return sort(doc);
}
