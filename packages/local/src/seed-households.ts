import { type Db, importRoster } from '@xjf/data';
import type { Actor, HouseholdCreate, RosterRow } from '@xjf/domain';
import { chance, pick } from './seed-random';

/** Surnames of a Guizhou village: a few lineages make up most households, so some repeat. */
const SURNAMES = [...'罗罗罗杨杨杨王王陈陈张李刘吴龙周黄安游苏赵徐胡朱何马邓彭谢唐曾袁田熊余潘'];
const MEN = [
  ...'国富 德明 永福 光荣 志强 开贵 正华 世军 兴旺 文才 明亮 仕林 应祥 启发 学兵 廷贵 绍华 忠义 昌荣 家福 朝贵 德荣 成林 金海 云飞 建国 树林 万全 洪军 登科 顺发 兴国 长春 发明 国庆 玉成 天祥 贵平'.split(
    ' ',
  ),
];
const WOMEN = [
  ...'秀英 玉兰 桂芬 红梅 春燕 德芬 秀兰 桂英 光珍 明芬 正芬 玉珍 小芬 翠兰 会琼 世英 美玲 兰芳 应芬 开琼'.split(
    ' ',
  ),
];
const YOUNG = [...'小明 小红 晓东 丽 娟 军 芳 磊 伟 勇 婷 静 涛 斌 强 敏 杰 鹏 俊 洋 雪 波 浩 欣'.split(' ')];
const GRANDCHILDREN = [...'子涵 梓轩 雨涵 浩然 欣怡 宇轩 诗琪 俊熙 一诺 子墨'.split(' ')];
const ELDERS = [...'德贵 富全 正明 学文 开富 金山'.split(' ')];
const GROUPS = [...'一二三四五六七八'];
type Relation = HouseholdCreate['members'][number]['relation'];

/**
 * The villagers DOMAIN.md names, by village and 户号, each with a child, beside generated
 * neighbours: 罗先和 and 游振林 of 银川村, and 林茂平 of 羊岩村 near it.
 */
const ARTICLE_HOUSEHOLDS: Record<string, Record<string, [string, string]>> = {
  银川村: { '0001': ['罗先和', '罗小明'], '0002': ['游振林', '游晓东'] },
  羊岩村: { '0007': ['林茂平', '林丽'] },
};
const articleHeads = new Set(
  Object.values(ARTICLE_HOUSEHOLDS).flatMap((v) => Object.values(v).map(([head]) => head)),
);
/** Whether a household is one of DOMAIN.md's, whose eco points are the article's alone. */
export const isArticleHousehold = (h: { headName: string }) => articleHeads.has(h.headName);

/** How many households each demo village has on its roster: 银川村 as many as a real village. */
const rosterSize = (villageName: string) =>
  villageName === '银川村' ? 400 : villageName === '羊岩村' ? 24 : 18;

/**
 * A believable roster: 户号 0001… in 村民小组 of about fifty households (numbered by group, as
 * villages number them), a head with a phone, most with a spouse, children, some with the
 * head's parents, a daughter-in-law and grandchildren. Deterministic, so the demo looks the
 * same on every machine.
 */
export function demoRoster(villageName: string, count: number): HouseholdCreate[] {
  const seed = [...villageName].reduce((sum, ch) => sum + (ch.codePointAt(0) ?? 0), 0);
  const groups = Math.min(GROUPS.length, Math.max(3, Math.round(count / 50)));
  return Array.from({ length: count }, (_, i) => {
    const number = String(i + 1).padStart(4, '0');
    const r = (what: string) => chance(villageName, number, what);
    const article = ARTICLE_HOUSEHOLDS[villageName]?.[number];
    // Some heads are widows: their children carry their late husband's surname.
    const widow = !article && r('widow') < 0.12;
    const surname = article?.[0][0] ?? pick(SURNAMES, r('surname'));
    const family = widow ? pick(SURNAMES, r('late-husband')) : surname;
    const head = article?.[0] ?? `${surname}${pick(widow ? WOMEN : MEN, r('head'))}`;
    const members: HouseholdCreate['members'] = [
      {
        name: head,
        relation: '户主',
        phone: `139857${String(seed % 100).padStart(2, '0')}${String(i).padStart(3, '0')}`,
      },
    ];
    const add = (name: string, relation: Relation, phone?: string) => {
      if (!members.some((m) => m.name === name)) members.push({ name, relation, phone });
    };
    if (!widow && r('spouse') < 0.88) {
      const phone =
        r('spouse-phone') < 0.35
          ? `158${String(seed % 1000).padStart(3, '0')}${String(i).padStart(5, '0')}`
          : undefined;
      add(`${pick(SURNAMES, r('spouse-surname'))}${pick(WOMEN, r('spouse-name'))}`, '配偶', phone);
    }
    const children = article ? 1 : Math.floor(r('children') * 3.4);
    for (let c = 0; c < children; c++) {
      add(c === 0 && article ? article[1] : `${family}${pick(YOUNG, r(`child${c}`))}`, '子女');
    }
    if (children > 0 && r('in-law') < 0.3) {
      add(`${pick(SURNAMES, r('in-law-surname'))}${pick(WOMEN, r('in-law-name'))}`, '儿媳');
      for (let g = 0; g < Math.floor(r('grandchildren') * 3); g++)
        add(`${family}${pick(GRANDCHILDREN, r(`grandchild${g}`))}`, '孙辈');
    }
    if (!widow && r('parents') < 0.22) add(`${surname}${pick(ELDERS, r('elder'))}`, '父母');
    return {
      number,
      group: `第${GROUPS[Math.floor((i * groups) / count)]}组`,
      members,
    };
  });
}

/**
 * The village's roster, imported as a secretary imports the sheet (花名册导入): one row a
 * person, checked and written in transactions of a hundred items, with its audit entry.
 */
export async function seedHouseholds(
  db: Db,
  scope: { countyId: string; villageId: string },
  villageName: string,
  admin: Actor,
  now: Date,
) {
  const rows: RosterRow[] = demoRoster(villageName, rosterSize(villageName)).flatMap((h) =>
    h.members.map((m) => ({
      number: h.number,
      group: h.group,
      name: m.name,
      relation: m.relation,
      phone: m.phone ?? null,
    })),
  );
  await importRoster(db, scope, rows, admin, now);
}
