import type { RuleSetContent, RuleTemplate } from './schemas';

const fixed = (points: number) => ({ kind: 'fixed' as const, points });
const perUnit = (points: number, unitSize: number, unit: '亩' | 'm²' | '户' | '小时') => ({
  kind: 'perUnit' as const,
  points,
  unitSize,
  unit,
});
const base = { evidenceRequired: false, selfDeclarable: false };

/**
 * Dafang county's eco points (大方县 生态积分, DOMAIN.md): 1 point per 5 m² of homestead,
 * 5 points per mu of under-forest planting up to a cap, 5 points for a civilized sacrifice,
 * green travel and leading other households.
 *
 * The caps are chosen so that the article's two farmers score exactly what it reports:
 * - 游振林 380 = homestead 1,200 m² 240 (so the homestead cap, counted once for ever, must allow
 *   240: it is 300, i.e. 1,500 m²) + under-forest planting 20 mu 100 + green travel 20 + leading
 *   20 households 20;
 * - 林茂平 305 with 400 mu: 400 mu × 5 would be 2,000, the yearly cap of 200 keeps 200; with a
 *   400 m² homestead 80, green travel 20 and one flower sacrifice 5 he has 305.
 */
const dafangEco: RuleSetContent = {
  categories: ['生态资产', '生态经营', '生态保护', '生态带动'],
  rules: [
    {
      code: 'ECO-HOMESTEAD',
      name: '宅基地',
      category: '生态资产',
      description: '按宅基地面积计分，每 5 平方米计 1 分，累计最多 300 分（1,500 平方米）',
      shape: perUnit(1, 5, 'm²'),
      cap: { maxPoints: 300, period: 'ever' },
      ...base,
      evidenceRequired: true,
    },
    {
      code: 'ECO-FOREST',
      name: '林下种植',
      category: '生态经营',
      description: '每亩计 5 分，每年最多 200 分：承包 400 亩按 2,000 分算，封顶计 200 分',
      shape: perUnit(5, 1, '亩'),
      cap: { maxPoints: 200, period: 'year' },
      ...base,
      evidenceRequired: true,
    },
    {
      code: 'ECO-SACRIFICE',
      name: '文明祭祀、鲜花祭祀',
      category: '生态保护',
      description: '不烧纸钱、不放鞭炮，以鲜花祭祀',
      shape: fixed(5),
      cap: { maxOccurrences: 2, period: 'year' },
      ...base,
      selfDeclarable: true,
    },
    {
      code: 'ECO-TRAVEL',
      name: '绿色出行',
      category: '生态保护',
      description: '步行、骑行或乘坐公共交通，每年评定一次',
      shape: fixed(20),
      cap: { maxOccurrences: 1, period: 'year' },
      ...base,
      selfDeclarable: true,
    },
    {
      code: 'ECO-LEAD',
      name: '带动农户发展生态产业',
      category: '生态带动',
      description: '每带动 1 户计 1 分',
      shape: perUnit(1, 1, '户'),
      cap: { maxPoints: 50, period: 'year' },
      ...base,
    },
    {
      code: 'ECO-BURN',
      name: '野外用火、焚烧秸秆',
      category: '生态保护',
      description: '违规用火扣分',
      shape: fixed(-10),
      ...base,
    },
  ],
};

/** The items quoted across counties: public-space governance 10, volunteer service 5, a golden idea 5. */
const publicAffairs: RuleSetContent = {
  categories: ['公共事务', '志愿服务', '建言献策'],
  rules: [
    {
      code: 'PUBLIC-SPACE',
      name: '参与公共空间治理',
      category: '公共事务',
      shape: fixed(10),
      ...base,
      evidenceRequired: true,
    },
    {
      code: 'VOLUNTEER',
      name: '参加志愿服务',
      category: '志愿服务',
      shape: fixed(5),
      ...base,
      selfDeclarable: true,
    },
    {
      code: 'GOLDEN-IDEA',
      name: '为村发展献“金点子”',
      category: '建言献策',
      description: '被村两委采纳的建议',
      shape: fixed(5),
      ...base,
    },
  ],
};

/** Yinzhai village's volunteer points (贵定县 音寨村): monthly participation turned into points. */
const yinzhaiVolunteer: RuleSetContent = {
  categories: ['志愿服务', '环境卫生', '孝老爱亲'],
  rules: [
    {
      code: 'VOL-HOURS',
      name: '志愿服务时长',
      category: '志愿服务',
      description: '每服务 1 小时计 1 分，每月最多 30 分',
      shape: perUnit(1, 1, '小时'),
      cap: { maxPoints: 30, period: 'month' },
      ...base,
      selfDeclarable: true,
    },
    { code: 'VOL-EVENT', name: '参加村集体活动', category: '志愿服务', shape: fixed(5), ...base },
    {
      code: 'CLEAN-LANE',
      name: '清扫村道、公共区域',
      category: '环境卫生',
      shape: fixed(3),
      cap: { maxOccurrences: 8, period: 'month' },
      ...base,
      evidenceRequired: true,
    },
    { code: 'CARE-ELDER', name: '照料孤寡老人', category: '孝老爱亲', shape: fixed(5), ...base },
  ],
};

/** Xiaopo village's civility points (清镇市 小坡村): hygiene, family virtue, new customs, deductions. */
const xiaopoCivility: RuleSetContent = {
  categories: ['环境卫生', '孝老爱亲', '移风易俗', '美化家园', '违规扣分'],
  rules: [
    {
      code: 'HYG-YARD',
      name: '庭院整洁（月度评比）',
      category: '环境卫生',
      shape: fixed(5),
      cap: { maxOccurrences: 1, period: 'month' },
      ...base,
    },
    { code: 'FAM-FILIAL', name: '孝老爱亲好家庭', category: '孝老爱亲', shape: fixed(10), ...base },
    {
      code: 'NEW-WEDDING',
      name: '婚事新办',
      category: '移风易俗',
      shape: fixed(10),
      ...base,
      evidenceRequired: true,
    },
    {
      code: 'NEW-FUNERAL',
      name: '丧事简办',
      category: '移风易俗',
      shape: fixed(10),
      ...base,
      evidenceRequired: true,
    },
    {
      code: 'HOME-DIY',
      name: '自己动手·美化家园',
      category: '美化家园',
      description: '每美化 10 平方米计 2 分，每年最多 40 分',
      shape: perUnit(2, 10, 'm²'),
      cap: { maxPoints: 40, period: 'year' },
      ...base,
      evidenceRequired: true,
      // Done by the household itself, so it declares it, with photos of the work.
      selfDeclarable: true,
    },
    { code: 'DED-LITTER', name: '乱扔乱倒垃圾', category: '违规扣分', shape: fixed(-5), ...base },
    { code: 'DED-LAVISH', name: '大操大办', category: '违规扣分', shape: fixed(-20), ...base },
  ],
};

export const builtinTemplates: RuleTemplate[] = [
  {
    id: 'builtin:dafang-eco',
    name: '大方县生态积分',
    description:
      '宅基地每 5 平方米 1 分（累计最多 300 分），林下种植每亩 5 分（每年最多 200 分），文明祭祀 5 分，绿色出行 20 分，带动农户每户 1 分',
    source: 'builtin',
    content: dafangEco,
  },
  {
    id: 'builtin:yinzhai-volunteer',
    name: '音寨村志愿服务积分',
    description: '志愿服务按时长计分，每月封顶；集体活动、清扫村道、照料老人',
    source: 'builtin',
    content: yinzhaiVolunteer,
  },
  {
    id: 'builtin:xiaopo-civility',
    name: '小坡村文明积分',
    description: '环境卫生、孝老爱亲、婚事新办丧事简办、美化家园，含违规扣分',
    source: 'builtin',
    content: xiaopoCivility,
  },
  {
    id: 'builtin:public-affairs',
    name: '村务参与积分',
    description: '参与公共空间治理 10 分、志愿服务 5 分、金点子 5 分',
    source: 'builtin',
    content: publicAffairs,
  },
];

/**
 * The name a program started from a template gets: the template's own name without the place it
 * came from, so a village choosing 村务参与积分 runs 村务参与积分, and one choosing 小坡村文明积分
 * runs 文明积分 rather than another village's name. A leading county name is dropped, and a
 * leading place name (two or more characters ending in 县, 市, 区, 乡, 镇 or 村) when at least two
 * characters are left before 积分; 乡村振兴积分 and 村务参与积分 stay whole.
 */
export function programNameOf(templateName: string, countyName?: string): string {
  const name = templateName.trim();
  if (countyName && name.startsWith(countyName) && name.length - countyName.length >= 2)
    return name.slice(countyName.length);
  const place = /^[\u4e00-\u9fff]{2,6}?[县市区乡镇村](?=[\u4e00-\u9fff]{2,}积分$)/u.exec(name);
  return place ? name.slice(place[0].length) : name;
}
