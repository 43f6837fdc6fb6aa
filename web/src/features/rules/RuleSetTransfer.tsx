import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { RuleSetContent } from '@xjf/domain';
import { Alert, App, Button, Modal, Select, Space, Spin, Table, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { getRows, getVersion, importRows, type RuleSet, type RulesOwner, saveDraft } from './rules-api';
import {
  columnLetter,
  downloadBlob,
  exportFileName,
  type FileProblem,
  type ImportError,
  type ImportPlan,
  importErrors,
  readImportFile,
  ruleCount,
  type VersionPick,
  writeRulesWorkbook,
} from './transfer';

type ImportState =
  | { step: 'reading'; fileName: string }
  | { step: 'problems'; fileName: string; problems: FileProblem[] }
  | { step: 'confirm'; plan: ImportPlan }
  | { step: 'sending'; plan: ImportPlan }
  | { step: 'rejected'; plan: ImportPlan; message: string; errors: ImportError[] }
  | { step: 'failed'; plan: ImportPlan; message: string; conflict: boolean };

/**
 * Toolbar of the rule set page: export the draft or a version as Excel or JSON (anyone who can
 * read the rules), import either as the new draft (village admin), all or nothing.
 */
export function RuleSetTransfer(props: {
  owner: RulesOwner;
  ruleSet: RuleSet;
  /** The version the editor shows: what is exported unless another one is picked. */
  shown: VersionPick | undefined;
  editable: boolean;
  dirty: boolean;
  onImported: (saved: RuleSet, content: RuleSetContent) => void;
  onReload: () => void;
}) {
  const { owner, ruleSet, shown, editable, dirty } = props;
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [pick, setPick] = useState<VersionPick | undefined>(shown);
  const [exporting, setExporting] = useState<'xlsx' | 'json'>();
  const [importing, setImporting] = useState<ImportState>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setPick(shown), [shown]);

  const options = useMemo(
    () => [
      ...(ruleSet.draft ? [{ value: 'draft', label: t('rules.transfer.draft') }] : []),
      ...[...(ruleSet.versions ?? [])]
        .sort((a, b) => b.version - a.version)
        .map((v) => ({
          value: String(v.version),
          label: t('rules.transfer.versionN', { version: v.version }),
        })),
    ],
    [ruleSet, t],
  );

  async function exportAs(ext: 'xlsx' | 'json') {
    if (pick === undefined) return;
    setExporting(ext);
    try {
      const fileName = exportFileName(ruleSet.name, pick, ext);
      if (ext === 'xlsx') {
        const { columns, rows } = await getRows(owner, ruleSet.id, pick);
        downloadBlob(await writeRulesWorkbook(columns, rows), fileName);
      } else {
        const content =
          pick === 'draft'
            ? (ruleSet.draft?.content ?? { categories: [], rules: [] })
            : (await getVersion(owner, ruleSet.id, pick)).content;
        const body = `${JSON.stringify({ name: ruleSet.name, version: pick, content }, null, 2)}\n`;
        downloadBlob(new Blob([body], { type: 'application/json' }), fileName);
      }
      void message.success(t('rules.transfer.exported', { file: fileName }));
    } catch (error) {
      void message.error(
        error instanceof ApiError ? errorText(error, t, i18n.language) : t('rules.transfer.exportFailed'),
      );
    } finally {
      setExporting(undefined);
    }
  }

  async function chosen(file: File | undefined) {
    if (input.current) input.current.value = '';
    if (!file) return;
    if (!/\.(xlsx|json)$/i.test(file.name)) {
      setImporting({ step: 'problems', fileName: file.name, problems: [] });
      return;
    }
    setImporting({ step: 'reading', fileName: file.name });
    const parsed = await readImportFile(file);
    setImporting(
      parsed.plan
        ? { step: 'confirm', plan: parsed.plan }
        : { step: 'problems', fileName: file.name, problems: parsed.problems },
    );
  }

  async function send(plan: ImportPlan) {
    setImporting({ step: 'sending', plan });
    const baseVersion = ruleSet.latestVersion;
    try {
      const saved =
        plan.kind === 'xlsx'
          ? await importRows(owner, ruleSet.id, { rows: plan.rows, baseVersion })
          : await saveDraft(owner, ruleSet.id, { content: plan.content, baseVersion });
      const content = saved.draft?.content ?? { categories: [], rules: [] };
      setImporting(undefined);
      props.onImported(saved, content);
      void message.success(t('rules.transfer.imported', { count: content.rules.length }));
    } catch (error) {
      const message = errorText(error, t, i18n.language);
      const errors = importErrors(error, plan, i18n.language);
      setImporting(
        error instanceof ApiError && error.status === 400 && errors.length > 0
          ? { step: 'rejected', plan, message, errors }
          : {
              step: 'failed',
              plan,
              message,
              conflict: error instanceof ApiError && error.status === 409,
            },
      );
    }
  }

  const problemText = (p: FileProblem) => {
    switch (p.kind) {
      case 'unknownHeader':
        return t('rules.transfer.problems.unknownHeader', {
          header: p.header,
          column: columnLetter(p.column),
        });
      case 'unnamedColumn':
        return t('rules.transfer.problems.unnamedColumn', { column: columnLetter(p.column) });
      case 'duplicateHeader':
        return t('rules.transfer.problems.duplicateHeader', { header: p.header });
      case 'missingHeader':
        return t('rules.transfer.problems.missingHeader', { header: p.header });
      case 'tooManyRows':
        return t('rules.transfer.problems.tooManyRows', { max: p.max });
      default:
        return t(`rules.transfer.problems.${p.kind}`);
    }
  };

  const close = () => setImporting(undefined);
  const chooseAgain = () => {
    setImporting(undefined);
    input.current?.click();
  };

  return (
    <>
      <Space wrap>
        <Select
          style={{ width: 110 }}
          aria-label={t('rules.transfer.version')}
          data-testid="export-version"
          value={pick === undefined ? undefined : String(pick)}
          options={options}
          disabled={options.length === 0}
          onChange={(v: string) => setPick(v === 'draft' ? 'draft' : Number(v))}
        />
        <Tooltip
          title={
            pick === undefined
              ? t('rules.transfer.nothingToExport')
              : dirty
                ? t('rules.transfer.unsavedNotExported')
                : undefined
          }
        >
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting === 'xlsx'}
            disabled={pick === undefined}
            onClick={() => void exportAs('xlsx')}
          >
            {t('rules.transfer.exportExcel')}
          </Button>
        </Tooltip>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting === 'json'}
          disabled={pick === undefined}
          onClick={() => void exportAs('json')}
        >
          {t('rules.transfer.exportJson')}
        </Button>
        {editable && (
          <Tooltip title={t('rules.transfer.importHint')}>
            <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
              {t('rules.transfer.import')}
            </Button>
          </Tooltip>
        )}
      </Space>
      {editable && (
        <input
          ref={input}
          type="file"
          accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="rules-import-file"
          style={{ display: 'none' }}
          onChange={(e) => void chosen(e.target.files?.[0])}
        />
      )}
      {importing && (
        <Modal
          open
          width={importing.step === 'rejected' ? 760 : 520}
          title={t('rules.transfer.importTitle')}
          onCancel={importing.step === 'sending' ? undefined : close}
          closable={importing.step !== 'sending'}
          maskClosable={false}
          footer={
            importing.step === 'confirm' || importing.step === 'sending'
              ? [
                  <Button key="cancel" disabled={importing.step === 'sending'} onClick={close}>
                    {t('common.cancel')}
                  </Button>,
                  <Button
                    key="ok"
                    type="primary"
                    danger
                    loading={importing.step === 'sending'}
                    onClick={() => void send(importing.plan)}
                  >
                    {t('rules.transfer.confirm')}
                  </Button>,
                ]
              : importing.step === 'reading'
                ? null
                : [
                    <Button key="again" onClick={chooseAgain}>
                      {t('rules.transfer.chooseAnother')}
                    </Button>,
                    ...(importing.step === 'failed' && importing.conflict
                      ? [
                          <Button
                            key="reload"
                            onClick={() => {
                              close();
                              props.onReload();
                            }}
                          >
                            {t('rules.reload')}
                          </Button>,
                        ]
                      : []),
                    <Button key="close" type="primary" onClick={close}>
                      {t('rules.transfer.close')}
                    </Button>,
                  ]
          }
        >
          <ImportBody state={importing} dirty={dirty} problemText={problemText} />
        </Modal>
      )}
    </>
  );
}

function ImportBody({
  state,
  dirty,
  problemText,
}: {
  state: ImportState;
  dirty: boolean;
  problemText: (p: FileProblem) => string;
}) {
  const { t } = useTranslation();
  switch (state.step) {
    case 'reading':
      return (
        <Space>
          <Spin size="small" />
          {t('rules.transfer.reading')}
        </Space>
      );
    case 'problems':
      return (
        <Alert
          type="error"
          showIcon
          data-testid="import-problems"
          title={t('rules.transfer.fileProblems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {(state.problems.length > 0
                ? state.problems.map(problemText)
                : [t('rules.transfer.problems.unsupported')]
              ).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
        />
      );
    case 'confirm':
    case 'sending':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('rules.transfer.replaces')}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('rules.transfer.summary', { file: state.plan.fileName, count: ruleCount(state.plan) })}
              </Typography.Paragraph>
              {state.plan.kind === 'xlsx' && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t('rules.transfer.categoriesFromRows')}
                </Typography.Paragraph>
              )}
              {dirty && <Typography.Text type="danger">{t('rules.transfer.loseUnsaved')}</Typography.Text>}
            </>
          }
        />
      );
    case 'failed':
      return (
        <Alert
          type="error"
          showIcon
          title={t('rules.transfer.failed')}
          description={
            <>
              {state.message}
              {state.conflict && <div>{t('rules.conflictHint')}</div>}
            </>
          }
        />
      );
    case 'rejected':
      return (
        <>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('rules.transfer.rejected')}
            description={`${state.message} ${t('rules.transfer.rejectedHint')}`}
          />
          <Table<ImportError>
            data-testid="import-errors"
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ y: 360 }}
            dataSource={state.errors}
            columns={[
              {
                title: t('rules.transfer.row'),
                width: 110,
                render: (_, e) =>
                  e.row !== undefined
                    ? t('rules.transfer.rowN', { row: e.row })
                    : e.rule !== undefined
                      ? t('rules.transfer.ruleN', { rule: e.rule })
                      : t('common.none'),
              },
              { title: t('rules.transfer.column'), dataIndex: 'column', width: 120 },
              { title: t('rules.transfer.problem'), dataIndex: 'problem' },
            ]}
          />
        </>
      );
  }
}
