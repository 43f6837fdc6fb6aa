import { Flex, Image } from 'antd';
import { useTranslation } from 'react-i18next';

/** Small photos that open large on a click; nothing at all when there are none. */
export function PhotoThumbs(props: { urls?: string[]; size?: number }) {
  const { t } = useTranslation();
  if (!props.urls?.length) return null;
  const size = props.size ?? 40;
  return (
    <Image.PreviewGroup>
      <Flex gap={4} data-testid="photo-thumbs">
        {props.urls.map((url, i) => (
          <Image
            key={url}
            src={url}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={t('photos.nth', { n: i + 1 })}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
