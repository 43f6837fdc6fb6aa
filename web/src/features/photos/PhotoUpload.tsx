import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { MAX_PHOTO_BYTES, PHOTO_TYPES, type PhotoPurpose, uploadPhoto } from './photos-api';

/**
 * Photos as a form field: its value is the keys of the photos uploaded so far. Each photo goes
 * to the store as soon as it is picked; a failed one shows red and is not in the value.
 */
export function PhotoUpload(props: {
  villageId: string;
  purpose: PhotoPurpose;
  max: number;
  /** Photos already kept (an item's current photo), shown from their view URLs. */
  shown?: { photoKey: string; url: string }[];
  value?: string[];
  onChange?: (photoKeys: string[]) => void;
  /** Told when photos start and finish uploading, so a form can wait for them before it submits. */
  onUploadingChange?: (uploading: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile<{ photoKey: string }>[]>(
    (props.shown ?? []).map((p) => ({
      uid: p.photoKey,
      name: p.photoKey,
      status: 'done',
      url: p.url,
      response: { photoKey: p.photoKey },
    })),
  );

  const update = (next: UploadFile<{ photoKey: string }>[]) => {
    setFiles(next);
    props.onUploadingChange?.(next.some((f) => f.status === 'uploading'));
    props.onChange?.(next.flatMap((f) => (f.status === 'done' && f.response ? [f.response.photoKey] : [])));
  };

  return (
    <Upload<{ photoKey: string }>
      listType="picture-card"
      accept={PHOTO_TYPES.join(',')}
      maxCount={props.max}
      fileList={files}
      onChange={({ fileList }) => update(fileList)}
      beforeUpload={(file) => {
        if (!PHOTO_TYPES.includes(file.type)) {
          void message.error(t('photos.wrongType'));
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_PHOTO_BYTES) {
          void message.error(t('photos.tooLarge', { mb: MAX_PHOTO_BYTES / 1024 / 1024 }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        uploadPhoto(props.villageId, props.purpose, file as File).then(
          (photoKey) => onSuccess?.({ photoKey }),
          (error: unknown) => {
            void message.error(errorText(error, t, i18n.language));
            onError?.(error as Error);
          },
        );
      }}
    >
      {files.length < props.max && (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('photos.add')}</div>
        </button>
      )}
    </Upload>
  );
}
