import { readFileSync } from 'node:fs';
import {
  type GraphQLField,
  type GraphQLInputField,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { platformSchema } from '../graphql/platform-schema.ts';
import { printedSchema, schemaFile } from './schema-file.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `pnpm schema:print` after changing it)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printedSchema());
  });

  it('describes every type, field, argument and enum value: it is the partner developer documentation', () => {
    const missing: string[] = [];
    const check = (where: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(where);
    };
    const checkField = (owner: string, field: GraphQLField<unknown, unknown> | GraphQLInputField) => {
      check(`${owner}.${field.name}`, field.description);
      if ('args' in field) for (const arg of field.args) check(`${owner}.${field.name}(${arg.name})`, arg.description);
    };
    for (const type of Object.values(platformSchema().getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) checkField(type.name, field);
      }
      if (isEnumType(type))
        for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
      if (isUnionType(type)) check(type.name, type.description);
    }
    expect(missing).toEqual([]);
  });
});
