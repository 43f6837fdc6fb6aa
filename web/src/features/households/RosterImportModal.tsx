import { useTranslation } from 'react-i18next';
import { importRoster } from './households-api';
import { SheetImportModal } from './SheetImportModal';

/** The roster's columns, as the API names them (one person a row). */
export const ROSTER_COLUMNS = [
  ['number', '户号'],
  ['group', '村民小组'],
  ['name', '姓名'],
  ['relation', '与户主关系'],
  ['phone', '电话'],
  ['address', '住址'],
] as const;
const MAX_ROWS = 5000;

const TEMPLATE = [
  {
    number: '0001',
    group: '第一组',
    name: '罗先和',
    relation: '户主',
    phone: '13985710009',
    address: '一组 3 号',
  },
  { number: null, group: null, name: '张桂芬', relation: '配偶', phone: null, address: null },
  { number: '0001', group: '第一组', name: '罗小明', relation: '子女', phone: null, address: null },
  { number: '0002', group: '第二组', name: '游振林', relation: '户主', phone: null, address: null },
];

/** 导入花名册: a village secretary's roster, all households or none. */
export function RosterImportModal(props: {
  villageId: string;
  onClose: () => void;
  onImported: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SheetImportModal
      title={t('imports.roster.title')}
      intro={t('imports.roster.intro')}
      columns={ROSTER_COLUMNS}
      required={['number', 'group', 'name', 'relation']}
      maxRows={MAX_ROWS}
      template={{ fileName: t('imports.roster.templateFile'), rows: TEMPLATE }}
      summary={(plan) => t('imports.roster.summary', { rows: plan.rows.length })}
      send={async (plan, key) =>
        t('imports.roster.done', await importRoster(props.villageId, plan.rows, key))
      }
      onDone={props.onImported}
      onClose={props.onClose}
    />
  );
}
