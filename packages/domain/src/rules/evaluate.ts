import { ValidationError } from '../errors';
import type { Evaluation, Rule } from './schemas';

export interface Usage {
  /** Points (in magnitude) the account already got under this rule in the cap period. */
  points: number;
  occurrences: number;
}

const periodZh = { month: '本月', quarter: '本季度', year: '本年度', ever: '累计' } as const;
const periodEn = {
  month: 'this month',
  quarter: 'this quarter',
  year: 'this year',
  ever: 'in total',
} as const;

/** Quantities carry at most two decimals; comparing hundredths keeps 0.3 ÷ 0.1 = 3, not 2.999… */
const hundredths = (n: number) => Math.round(n * 100);

const fmt = (n: number) => Number(n.toFixed(2)).toString();

/**
 * The points one record earns under a rule: pure, so the preview, the recorder's screen and
 * the ledger all compute exactly the same number, and the explanation says how (中文 and English).
 */
export function evaluateRule(rule: Rule, input: { quantity?: number; usage: Usage }): Evaluation {
  const { shape } = rule;
  let uncapped: number;
  let zh: string;
  let en: string;
  if (shape.kind === 'fixed') {
    uncapped = shape.points;
    zh = `${rule.name} 1 次 × ${shape.points} 分 = ${shape.points} 分`;
    en = `${rule.name}: 1 × ${shape.points} pts = ${shape.points} pts`;
  } else {
    if (input.quantity === undefined) {
      throw new ValidationError(`「${rule.name}」需要填写数量 (a quantity is required)`, {
        quantity: `请填写${shape.unit}数 (enter the quantity in ${shape.unit})`,
      });
    }
    const units = Math.floor(hundredths(input.quantity) / hundredths(shape.unitSize));
    uncapped = units * shape.points;
    const q = `${fmt(input.quantity)} ${shape.unit}`;
    // Points go per whole unit, rounded down: when a part is left over, say what was counted.
    const whole = units * hundredths(shape.unitSize) === hundredths(input.quantity);
    // "5 分/亩" reads naturally per single unit; "÷ 5 m² × 1 分" when points go by a block of units.
    if (shape.unitSize === 1) {
      const counted = whole ? '' : `，计 ${units} ${shape.unit}`;
      const countedEn = whole ? '' : `, ${units} ${shape.unit} counted`;
      zh = `${rule.name} ${q}${counted} × ${shape.points} 分/${shape.unit} = ${uncapped} 分`;
      en = `${rule.name}: ${q}${countedEn} × ${shape.points} pts/${shape.unit} = ${uncapped} pts`;
    } else {
      const block = `${fmt(shape.unitSize)} ${shape.unit}`;
      const counted = whole ? ` ÷ ${block}` : `，计 ${units} 个 ${block}`;
      const countedEn = whole ? ` ÷ ${block}` : `, ${units} blocks of ${block}`;
      zh = `${rule.name} ${q}${counted} × ${shape.points} 分 = ${uncapped} 分`;
      en = `${rule.name}: ${q}${countedEn} × ${shape.points} pts = ${uncapped} pts`;
    }
  }
  return applyCap(rule, uncapped, input.usage, { zh, en });
}

function applyCap(rule: Rule, uncapped: number, usage: Usage, base: { zh: string; en: string }): Evaluation {
  const cap = rule.cap;
  const sign = Math.sign(uncapped);
  const done = (points: number, zh?: string, en?: string): Evaluation => ({
    points,
    uncapped,
    capped: points !== uncapped,
    explanation: { zh: zh ? `${base.zh}；${zh}` : base.zh, en: en ? `${base.en}; ${en}` : base.en },
  });
  if (!cap) return done(uncapped);
  if (cap.maxOccurrences !== undefined && usage.occurrences >= cap.maxOccurrences) {
    return done(
      0,
      `${periodZh[cap.period]}已达 ${cap.maxOccurrences} 次上限，本次计 0 分`,
      `limit of ${cap.maxOccurrences} times reached ${periodEn[cap.period]}, 0 pts now`,
    );
  }
  if (cap.maxPoints !== undefined) {
    const room = Math.max(0, cap.maxPoints - usage.points);
    if (Math.abs(uncapped) > room) {
      const points = room === 0 ? 0 : sign * room;
      const already = usage.points > 0 ? `，${periodZh[cap.period]}已计 ${usage.points} 分` : '';
      const alreadyEn = usage.points > 0 ? `, ${usage.points} already ${periodEn[cap.period]}` : '';
      return done(
        points,
        `封顶 ${cap.maxPoints} 分${already}，本次计 ${points} 分`,
        `capped at ${cap.maxPoints} pts${alreadyEn}, ${points} pts now`,
      );
    }
  }
  return done(uncapped);
}
