/**
 * The command endpoints as the app's own OpenAPI document describes them, so a new
 * endpoint is fuzzed (or fails the fuzz test for want of a role) without anyone listing it.
 */
export interface Schema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly nullable?: boolean;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly $ref?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}

interface Operation {
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: Schema }>> };
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

export interface CommandEndpoint {
  readonly method: 'post' | 'put' | 'patch' | 'delete';
  /** The OpenAPI path template, e.g. `/referrals/{id}/triage`. */
  readonly template: string;
  /** The first segment: which kind of case (`referrals`, `incidents`…). */
  readonly resource: string;
  readonly pathParams: readonly string[];
  /** `json` with the body's object schema (refs resolved), `csv`, or none. */
  readonly body: { readonly kind: 'json'; readonly schema: Schema } | { readonly kind: 'csv' } | { readonly kind: 'none' };
}

const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** Follows `$ref` and single-member `allOf` until a schema with its own shape. */
export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`OpenAPI: unresolvable ${schema.$ref}`);
    return resolve(doc, target);
  }
  if (schema.allOf?.length === 1 && !schema.properties) {
    return { ...resolve(doc, schema.allOf[0] as Schema), nullable: schema.nullable };
  }
  return schema;
}

export function commandEndpoints(doc: OpenApiDocument): CommandEndpoint[] {
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    COMMAND_METHODS.filter((m) => operations[m]).map((method): CommandEndpoint => {
      const op = operations[method] as Operation;
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      const body: CommandEndpoint['body'] = json
        ? { kind: 'json', schema: resolve(doc, json.schema) }
        : content['text/csv']
          ? { kind: 'csv' }
          : { kind: 'none' };
      return {
        method,
        template,
        resource: template.split('/')[1] ?? '',
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        body,
      };
    }),
  );
}
