import { keys, tableSpec } from '@xjf/data';
import { newId } from '@xjf/domain';
import { describe, expect, it } from 'vitest';

describe('keys', () => {
  it('put all village data under its county, and never under another county', () => {
    const county = newId();
    const village = newId();
    expect(keys.villageUser(county, village, newId()).PK.startsWith(`C#${county}#V#${village}`)).toBe(true);
    expect(keys.village(county, village).PK).toBe(`C#${county}`);
    expect(keys.countyUserPrefix(newId()).PK.startsWith(`C#${county}`)).toBe(false);
  });

  it('keep the audit log in its village and sort it by time', () => {
    const county = newId();
    const village = newId();
    const early = keys.audit(county, village, '2026-05-10T04:00:00.000Z', newId());
    const late = keys.audit(county, village, '2026-05-11T04:00:00.000Z', newId());
    expect(early.PK).toBe(keys.villageUser(county, village, 'u').PK);
    expect(early.SK < late.SK).toBe(true);
    expect(early.SK.startsWith(keys.auditPrefix(county, village).SKPrefix)).toBe(true);
  });

  it("keep a county program's rules in the county partition and a village's in the village's", () => {
    const county = newId();
    const village = newId();
    const ruleSet = newId();
    const ofCounty = keys.ruleSetVersion({ countyId: county }, ruleSet, 3);
    const ofVillage = keys.ruleSetVersion({ countyId: county, villageId: village }, ruleSet, 3);
    expect(ofCounty.PK).toBe(keys.county(county).PK);
    expect(ofVillage.PK).toBe(keys.villageUser(county, village, 'u').PK);
    expect(ofCounty.SK).toBe(ofVillage.SK);
    expect(ofCounty.SK.startsWith(keys.ruleSetVersionPrefix({ countyId: county }, ruleSet).SKPrefix)).toBe(
      true,
    );
    // An empty village id is still a village (nothing there), never the county's partition.
    expect(keys.program({ countyId: county, villageId: '' }, 'p').PK).not.toBe(keys.county(county).PK);
    // The county's program items cannot be mistaken for its other items by prefix.
    for (const other of ['TOWNSHIP#', 'VILLAGE#', 'USER#', 'TEMPLATE#', 'AGG#']) {
      expect(keys.programPrefix({ countyId: county }).SKPrefix.startsWith(other)).toBe(false);
      expect(other.startsWith(keys.ruleSetPrefix({ countyId: county }).SKPrefix)).toBe(false);
    }
  });

  it('scope idempotency records by tenant', () => {
    expect(keys.idempotency('C#a#U#b', 'k1')).toEqual({ PK: 'C#a#U#b#IDEM#k1', SK: 'IDEM' });
  });

  it('only use attributes the table spec declares for keys', () => {
    const declared = new Set([
      tableSpec.partitionKey,
      tableSpec.sortKey,
      ...tableSpec.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ]);
    const samples = [
      keys.county('c'),
      keys.countyListing('c'),
      keys.invite('CODE'),
      keys.inviteListing('c', '2026'),
      keys.username('u'),
      keys.usernameListing('u'),
    ];
    for (const sample of samples) for (const attr of Object.keys(sample)) expect(declared).toContain(attr);
  });
});
