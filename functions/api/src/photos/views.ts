import type { PointRecord, StoreItem } from '@xjf/domain';
import { type Deps, viewUrls } from '@xjf/http';

/** A record as the API answers it: its evidence photos with URLs that work for a few minutes. */
export async function withEvidenceUrls(deps: Deps, record: PointRecord): Promise<PointRecord> {
  if (!record.evidence?.length) return record;
  return { ...record, evidenceUrls: await viewUrls(deps.photos, record.evidence, deps.clock()) };
}

/**
 * An item as the API answers it: `photoUrl` is always made from `photoKey`, so a link stored
 * by an older version (items once carried any URL) is never handed out.
 */
export async function withPhotoUrl(deps: Deps, item: StoreItem): Promise<StoreItem> {
  const [photoUrl] = item.photoKey ? await viewUrls(deps.photos, [item.photoKey], deps.clock()) : [];
  return { ...item, photoUrl };
}
