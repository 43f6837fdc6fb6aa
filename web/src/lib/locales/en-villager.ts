import type { villager as zh } from './zh-villager';

/** My points: a villager's own page, and self-declaration wherever it shows. */
export const villager: Record<keyof typeof zh, string> = {
  title: 'My points',
  greeting: 'Hello, {{name}}',
  household: 'Household {{number}} · {{name}} · {{group}}',
  noHousehold: 'Your account is not linked to a household yet. Please ask the village admin.',
  balance: 'Balance',
  storeSpends: 'The village points store spends {{program}}.',
  storeUnknown: 'The points store spends only one of these programs; the counter shows which.',
  earned: 'Total earned',
  spent: 'Spent',
  accounts: 'Our points',
  ledger: 'History',
  declarations: 'My declarations',
  noDeclarations: 'No declarations yet',
  declare: 'Declare points',
  declareIntro:
    'Declare the good things you did yourself: the village admin reviews them, and they count once the public posting ends.',
  noRules: 'This village has no rules open to self-declaration at the moment.',
  submit: 'Declare',
  declared: 'Declared: {{rule}}, about {{points}} points, waiting for review',
  selfDeclared: 'Self-declared',
  selfDeclaredBy: 'Declared by the villager {{name}}',
  board: 'Village notice board',
  decidedReason: 'Rejected: {{reason}}',
};
