import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Table, Typography } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { downloadBlob, type FileProblem, writeRulesWorkbook } from '../rules/transfer';
import { type Columns, readSheetFile, type SheetError, type SheetPlan, sheetErrors } from './sheet-file';

type Step =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'problems'; problems: FileProblem[] }
  | { step: 'confirm'; plan: SheetPlan; key: string }
  | { step: 'sending'; plan: SheetPlan; key: string }
  | { step: 'rejected'; plan: SheetPlan; message: string; errors: SheetError[] }
  | { step: 'failed'; plan: SheetPlan; key: string; message: string };

/**
 * An all-or-nothing spreadsheet import: template, file, what it holds, then either done or
 * every bad row in a table (nothing was written). A retry of the same file keeps its
 * Idempotency-Key, so a lost answer never imports twice.
 */
export function SheetImportModal(props: {
  title: string;
  intro: ReactNode;
  columns: Columns;
  required: readonly string[];
  maxRows: number;
  template: { fileName: string; rows: Record<string, string | number | null>[] };
  /** What the chosen file holds, in words. */
  summary: (plan: SheetPlan) => string;
  /** Sends the rows; answers the success message. */
  send: (plan: SheetPlan, idempotencyKey: string) => Promise<string>;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<Step>({ step: 'choose' });
  const input = useRef<HTMLInputElement>(null);

  async function chosen(file: File | undefined) {
    if (input.current) input.current.value = '';
    if (!file) return;
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      setState({ step: 'problems', problems: [] });
      return;
    }
    setState({ step: 'reading', fileName: file.name });
    const read = await readSheetFile(file, props.columns, props.required, props.maxRows);
    setState(
      'plan' in read
        ? { step: 'confirm', plan: read.plan, key: newIdempotencyKey() }
        : { step: 'problems', problems: read.problems },
    );
  }

  async function send(plan: SheetPlan, key: string) {
    setState({ step: 'sending', plan, key });
    try {
      props.onDone(await props.send(plan, key));
    } catch (error) {
      const message = errorText(error, t, i18n.language);
      const errors = sheetErrors(error, plan, props.columns, i18n.language);
      const refused = error instanceof ApiError && (error.status === 400 || error.status === 409);
      setState(
        refused && errors.length > 0
          ? { step: 'rejected', plan, message, errors }
          : { step: 'failed', plan, key, message },
      );
    }
  }

  async function downloadTemplate() {
    const columns = props.columns.map(([key, header]) => ({ key, header }));
    downloadBlob(await writeRulesWorkbook(columns, props.template.rows), props.template.fileName);
  }

  const problemText = (p: FileProblem) => {
    switch (p.kind) {
      case 'duplicateHeader':
      case 'missingHeader':
        return t(`imports.problems.${p.kind}`, { header: p.header });
      case 'tooManyRows':
        return t('imports.problems.tooManyRows', { max: p.max });
      case 'unreadable':
      case 'noHeader':
      case 'noRows':
        return t(`imports.problems.${p.kind}`);
      default:
        return t('imports.problems.unsupported');
    }
  };

  const busy = state.step === 'sending' || state.step === 'reading';
  const footer = [
    <Button key="template" icon={<DownloadOutlined />} onClick={() => void downloadTemplate()}>
      {t('imports.template')}
    </Button>,
    <Button key="choose" icon={<UploadOutlined />} disabled={busy} onClick={() => input.current?.click()}>
      {state.step === 'choose' ? t('imports.chooseFile') : t('imports.chooseAnother')}
    </Button>,
    ...(state.step === 'confirm' || state.step === 'sending' || state.step === 'failed'
      ? [
          <Button
            key="send"
            type="primary"
            loading={state.step === 'sending'}
            onClick={() => void send(state.plan, state.key)}
          >
            {state.step === 'failed' ? t('imports.retry') : t('imports.confirm')}
          </Button>,
        ]
      : []),
  ];

  return (
    <Modal
      open
      width={state.step === 'rejected' ? 780 : 560}
      title={props.title}
      onCancel={busy ? undefined : props.onClose}
      closable={!busy}
      maskClosable={false}
      footer={footer}
    >
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="sheet-import-file"
        style={{ display: 'none' }}
        onChange={(e) => void chosen(e.target.files?.[0])}
      />
      <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
      {state.step === 'reading' && (
        <Space>
          <Spin size="small" />
          {t('imports.reading')}
        </Space>
      )}
      {state.step === 'problems' && (
        <Alert
          type="error"
          showIcon
          data-testid="import-problems"
          title={t('imports.fileProblems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {(state.problems.length > 0
                ? state.problems.map(problemText)
                : [t('imports.problems.unsupported')]
              ).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
        />
      )}
      {(state.step === 'confirm' || state.step === 'sending') && (
        <Alert
          type="info"
          showIcon
          data-testid="import-summary"
          title={`${state.plan.fileName}：${props.summary(state.plan)}`}
          description={
            state.plan.ignored.length > 0
              ? t('imports.ignored', { columns: state.plan.ignored.join('、') })
              : undefined
          }
        />
      )}
      {state.step === 'failed' && (
        <Alert type="error" showIcon title={t('imports.failed')} description={state.message} />
      )}
      {state.step === 'rejected' && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('imports.rejected')}
            description={`${state.message} ${t('imports.rejectedHint')}`}
          />
          <Table<SheetError>
            data-testid="import-errors"
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ y: 360 }}
            dataSource={state.errors}
            columns={[
              {
                title: t('imports.row'),
                width: 110,
                render: (_, e) =>
                  e.row === undefined ? t('common.none') : t('imports.rowN', { row: e.row }),
              },
              { title: t('imports.column'), dataIndex: 'column', width: 120 },
              { title: t('imports.problem'), dataIndex: 'problem' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
