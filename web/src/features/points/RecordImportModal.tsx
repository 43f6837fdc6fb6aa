import type { Rule } from '@xjf/domain';
import { MAX_RECORD_ROWS, recordColumns } from '@xjf/domain/sheet-columns';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../lib/format';
import { SheetImportModal } from '../households/SheetImportModal';
import { importRecords } from './points-api';

/** 批量导入: point records from a file into one program, all pending, all or none. */
export function RecordImportModal(props: {
  villageId: string;
  program: { id: string; name: string };
  /** The rules in effect today, for the template's example rows. */
  rules: Rule[];
  onClose: () => void;
  onImported: (message: string) => void;
}) {
  const { t } = useTranslation();
  const example = (rule: Rule) => ({
    household: '0001',
    member: null,
    ruleCode: rule.code,
    ruleName: rule.name,
    quantity: rule.shape.kind === 'perUnit' ? 1 : null,
    date: todayInChina(),
    note: t('imports.records.example'),
  });
  return (
    <SheetImportModal
      title={t('imports.records.title')}
      intro={
        <>
          {t('imports.records.intro')}
          <br />
          {t('imports.records.program', { name: props.program.name })}
        </>
      }
      columns={recordColumns}
      required={['household', 'date']}
      maxRows={MAX_RECORD_ROWS}
      template={{ fileName: t('imports.records.templateFile'), rows: props.rules.slice(0, 3).map(example) }}
      summary={(plan) =>
        t('imports.records.summary', { rows: plan.rows.length, program: props.program.name })
      }
      send={async (plan, key) =>
        t(
          'imports.records.done',
          await importRecords(props.villageId, { programId: props.program.id, rows: plan.rows }, key),
        )
      }
      onDone={props.onImported}
      onClose={props.onClose}
    />
  );
}
