import { MAX_ROSTER_ROWS, rosterColumns } from '@xjf/domain/sheet-columns';
import { useTranslation } from 'react-i18next';
import { importRoster } from './households-api';
import { SheetImportModal } from './SheetImportModal';

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
      columns={rosterColumns}
      required={['number', 'group', 'name', 'relation']}
      maxRows={MAX_ROSTER_ROWS}
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
