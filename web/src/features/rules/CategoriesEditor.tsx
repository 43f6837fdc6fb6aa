import { PlusOutlined } from '@ant-design/icons';
import { App, Input, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableContent } from './model';

/** The category tags: add, rename (click a tag), remove (only when no rule uses it). */
export function CategoriesEditor(props: {
  content: EditableContent;
  readOnly: boolean;
  errors: Record<string, string>;
  onChange: (content: EditableContent) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { categories, rules } = props.content;
  const [editing, setEditing] = useState<number>();
  const [draft, setDraft] = useState('');
  const [adding, setAdding] = useState(false);

  const used = (name: string) => rules.filter((r) => r.category === name).length;

  function rename(index: number) {
    setEditing(undefined);
    const before = categories[index];
    const after = draft.trim();
    if (before === undefined || !after || after === before) return;
    if (categories.includes(after)) {
      void message.warning(t('rules.categoryExists', { name: after }));
      return;
    }
    props.onChange({
      categories: categories.map((c, i) => (i === index ? after : c)),
      rules: rules.map((r) => (r.category === before ? { ...r, category: after } : r)),
    });
  }

  function add() {
    setAdding(false);
    const name = draft.trim();
    if (!name) return;
    if (categories.includes(name)) {
      void message.warning(t('rules.categoryExists', { name }));
      return;
    }
    props.onChange({ ...props.content, categories: [...categories, name] });
  }

  function remove(index: number) {
    const name = categories[index] ?? '';
    const count = used(name);
    if (count > 0) {
      void message.warning(t('rules.categoryInUse', { name, count }));
      return;
    }
    props.onChange({ ...props.content, categories: categories.filter((_, i) => i !== index) });
  }

  return (
    <Space size={[4, 8]} wrap data-testid="categories">
      {categories.map((name, i) => {
        const error = props.errors[`content.categories.${i}`];
        if (editing === i) {
          return (
            <Input
              // biome-ignore lint/suspicious/noArrayIndexKey: categories are edited in place by position
              key={i}
              size="small"
              autoFocus
              style={{ width: 120 }}
              maxLength={20}
              value={draft}
              aria-label={t('rules.categoryPlaceholder')}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={() => rename(i)}
              onPressEnter={() => rename(i)}
            />
          );
        }
        const tag = (
          <Tag
            // biome-ignore lint/suspicious/noArrayIndexKey: categories are edited in place by position
            key={i}
            color={error ? 'error' : undefined}
            closable={!props.readOnly}
            onClose={(e) => {
              e.preventDefault();
              remove(i);
            }}
            style={{ cursor: props.readOnly ? undefined : 'text', userSelect: 'none' }}
            onClick={() => {
              if (props.readOnly) return;
              setDraft(name);
              setEditing(i);
            }}
          >
            {name} <span style={{ opacity: 0.55 }}>{used(name)}</span>
          </Tag>
        );
        return error ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: categories are edited in place by position
          <Tooltip key={i} title={error} open>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
      {!props.readOnly &&
        (adding ? (
          <Input
            size="small"
            autoFocus
            style={{ width: 120 }}
            maxLength={20}
            placeholder={t('rules.categoryPlaceholder')}
            aria-label={t('rules.categoryPlaceholder')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={add}
            onPressEnter={add}
          />
        ) : (
          <Tag
            style={{ borderStyle: 'dashed', cursor: 'pointer' }}
            icon={<PlusOutlined />}
            onClick={() => {
              setDraft('');
              setAdding(true);
            }}
          >
            {t('rules.addCategory')}
          </Tag>
        ))}
    </Space>
  );
}
