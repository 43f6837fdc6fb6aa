import { createHousehold, type Db } from '@xjf/data';
import type { HouseholdCreate } from '@xjf/domain';

const SURNAMES = [
  '罗',
  '王',
  '杨',
  '陈',
  '张',
  '李',
  '刘',
  '吴',
  '龙',
  '周',
  '黄',
  '安',
  '游',
  '林',
  '苏',
  '赵',
];
const GIVEN = [
  '先和',
  '国富',
  '春燕',
  '德明',
  '秀英',
  '永福',
  '光荣',
  '红梅',
  '志强',
  '开贵',
  '玉兰',
  '正华',
  '世军',
  '兴旺',
  '桂芬',
  '文才',
];
const CHILD = ['小明', '小红', '晓东', '丽', '娟', '军', '芳', '磊'];

/** The villagers DOMAIN.md names, in 银川村, beside generated neighbours. */
const ARTICLE_HOUSEHOLDS: [string, string][] = [
  ['罗先和', '罗小明'],
  ['游振林', '游晓东'],
  ['林茂平', '林丽'],
];

/**
 * A believable roster: numbered households in 村民小组, heads with a spouse or child.
 * Deterministic, so the demo looks the same on every machine.
 */
export function demoRoster(villageName: string, count: number): HouseholdCreate[] {
  const seed = [...villageName].reduce((sum, ch) => sum + (ch.codePointAt(0) ?? 0), 0);
  return Array.from({ length: count }, (_, i) => {
    const article = villageName === '银川村' ? ARTICLE_HOUSEHOLDS[i] : undefined;
    const surname = SURNAMES[(seed + i * 7) % SURNAMES.length] ?? '王';
    const head = article?.[0] ?? `${surname}${GIVEN[(seed + i * 5) % GIVEN.length]}`;
    const child = article?.[1] ?? `${head[0]}${CHILD[(seed + i) % CHILD.length]}`;
    return {
      number: String(i + 1).padStart(4, '0'),
      group: `第${'一二三四五六'[i % 6]}组`,
      members: [
        {
          name: head,
          relation: '户主' as const,
          phone: `139857${String(seed % 100).padStart(2, '0')}${String(i).padStart(3, '0')}`,
        },
        { name: child, relation: '子女' as const },
      ],
    };
  });
}

export async function seedHouseholds(
  db: Db,
  scope: { countyId: string; villageId: string },
  villageName: string,
  now: Date,
) {
  const roster = demoRoster(villageName, villageName === '银川村' ? 40 : 18);
  // Small batches: concurrent enough to be quick, gentle enough for DynamoDB Local on 2 cores.
  for (let i = 0; i < roster.length; i += 6) {
    await Promise.all(roster.slice(i, i + 6).map((h) => createHousehold(db, scope, h, now)));
  }
}
