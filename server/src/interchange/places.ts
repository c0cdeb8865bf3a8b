import type { BulkRow, BulkWriter } from "./bulk.ts";
import { newId } from "./ids.ts";
import type { ImportSession } from "./session.ts";

/** Buildings and units by name within an estate, created on first mention. */
export class Places {
  private readonly buildings = new Map<string, string>();
  private readonly units = new Map<string, string>();
  private readonly newBuildings: BulkRow[] = [];
  private readonly newUnits: BulkRow[] = [];

  private constructor(private readonly s: ImportSession) {}

  static async load(s: ImportSession, estateIds: string[]): Promise<Places> {
    const p = new Places(s);
    const buildings = await s.db.building.findMany({
      where: { organizationId: s.organizationId, estateId: { in: estateIds } },
      select: { id: true, estateId: true, name: true, units: { select: { id: true, name: true } } },
    });
    for (const b of buildings) {
      p.buildings.set(`${b.estateId}/${b.name}`, b.id);
      for (const u of b.units) p.units.set(`${b.id}/${u.name}`, u.id);
    }
    return p;
  }

  resolve(estateId: string, building: string, unit: string | null): { buildingId: string; unitId: string | null } {
    let buildingId = this.buildings.get(`${estateId}/${building}`);
    if (!buildingId) {
      buildingId = newId();
      this.buildings.set(`${estateId}/${building}`, buildingId);
      this.newBuildings.push({
        id: buildingId,
        organizationId: this.s.organizationId,
        estateId,
        name: building,
        createdAt: this.s.now,
        updatedAt: this.s.now,
      });
    }
    if (!unit) return { buildingId, unitId: null };
    let unitId = this.units.get(`${buildingId}/${unit}`);
    if (!unitId) {
      unitId = newId();
      this.units.set(`${buildingId}/${unit}`, unitId);
      this.newUnits.push({
        id: unitId,
        organizationId: this.s.organizationId,
        buildingId,
        name: unit,
        createdAt: this.s.now,
        updatedAt: this.s.now,
      });
    }
    return { buildingId, unitId };
  }

  async write(bulk: BulkWriter): Promise<void> {
    await bulk.insert("buildings", this.newBuildings);
    await bulk.insert("units", this.newUnits);
  }
}
