import { describe, expect, it } from "vitest";
import { getDatamodel } from "../generated/pothos-types.ts";
import * as enums from "../generated/client/enums.ts";
import { useTestDatabase } from "../src/testing/index.ts";

type Field = ReturnType<typeof getDatamodel>["datamodel"]["models"][string]["fields"][number];
const models = getDatamodel().datamodel.models;

/** Models in an order where every required foreign key points to a model created before. */
function creationOrder(): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (order.includes(name)) return;
    if (visiting.has(name)) throw new Error(`cycle of required relations through ${name}`);
    visiting.add(name);
    for (const f of models[name]!.fields) {
      if (f.kind === "object" && f.isRequired && !f.isList && f.type !== name && f.relationFromFields?.length) visit(f.type);
    }
    visiting.delete(name);
    order.push(name);
  };
  Object.keys(models).forEach(visit);
  return order;
}

// Values the database's CHECK constraints require (migration 20261122100000_access_control).
const constrained: Record<string, unknown> = {
  "WorkingTimeSlot.startMinute": 480,
  "WorkingTimeSlot.endMinute": 720,
  // INT-2: stored bytes must match their size and SHA-256 (a CHECK in the migration).
  "FileContent.bytes": new Uint8Array([1]),
  "FileContent.sizeBytes": 1,
  "FileContent.sha256": "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a",
};

function valueFor(model: string, f: Field): unknown {
  if (`${model}.${f.name}` in constrained) return constrained[`${model}.${f.name}`];
  if (f.kind === "enum") return Object.values((enums as unknown as Record<string, Record<string, string>>)[f.type]!)[0];
  const v = (() => {
    switch (f.type) {
      case "String":
        return `${model}.${f.name}`;
      case "Int":
        return 1;
      case "Decimal":
        return "1.5";
      case "Boolean":
        return true;
      case "DateTime":
        return new Date("2026-03-02T00:00:00.000Z"); // midnight: valid for date columns too
      case "Json":
        return { model };
      default:
        throw new Error(`no test value for ${model}.${f.name}: ${f.type}`);
    }
  })();
  return f.isList ? [v] : v;
}

const delegate = (name: string) => name[0]!.toLowerCase() + name.slice(1);

describe("the data model", () => {
  const t = useTestDatabase("empty");

  it("has an organisation id on every model but Organization (SPEC §2: every row belongs to one organisation)", () => {
    const missing = Object.keys(models).filter(
      (m) => m !== "Organization" && !models[m]!.fields.some((f) => f.name === "organizationId" && f.isRequired),
    );
    expect(missing).toEqual([]);
  });

  it("writes and reads back one row of every model, every scalar field set", async () => {
    const created = new Map<string, string>();
    const db = t.prisma as unknown as Record<
      string,
      { create(a: unknown): Promise<{ id: string }>; findUniqueOrThrow(a: unknown): Promise<Record<string, unknown>> }
    >;
    for (const model of creationOrder()) {
      const fields = models[model]!.fields;
      const foreignKeys = new Map<string, string>();
      for (const f of fields) {
        if (f.kind === "object" && !f.isList && f.relationFromFields?.length) {
          const target = created.get(f.type);
          if (target) f.relationFromFields.forEach((k) => foreignKeys.set(k, target));
        }
      }
      const data: Record<string, unknown> = {};
      for (const f of fields) {
        if (f.kind === "object" || f.isId || f.isUpdatedAt) continue;
        if (foreignKeys.has(f.name)) data[f.name] = foreignKeys.get(f.name);
        else if (f.name.endsWith("Id") && f.type === "String") {
          if (f.isRequired)
            data[f.name] = "00000000-0000-4000-8000-000000000001"; // a polymorphic reference (recordType + recordId)
          else continue; // an optional link to a model not created yet
        } else data[f.name] = valueFor(model, f);
      }
      const row = await db[delegate(model)]!.create({ data });
      created.set(model, row.id);
      const back = await db[delegate(model)]!.findUniqueOrThrow({ where: { id: row.id } });
      for (const [k, v] of Object.entries(data)) {
        const got = back[k];
        const normal = (x: unknown) =>
          x instanceof Date ? x.toISOString() : x !== null && typeof x === "object" && "toFixed" in x ? String(x) : x;
        expect(normal(got), `${model}.${k}`).toEqual(normal(v));
      }
    }
    expect(created.size).toBe(Object.keys(models).length);
  });
});
