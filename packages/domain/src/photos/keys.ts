import type { Role } from '../actor';
import { ForbiddenError, ValidationError } from '../errors';
import { ID_LENGTH, newId } from '../ids';
import type { PhotoContentType, PhotoPurpose } from './schemas';

type VillageScope = { countyId: string; villageId: string };

const extensions: Record<PhotoContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** A village's photos of one purpose live under one prefix: the tenant is in the key, as in the table. */
const prefixOf = (scope: VillageScope, purpose: PhotoPurpose) =>
  `photos/${scope.countyId}/${scope.villageId}/${purpose}/`;

/** 160 random bits: a key cannot be guessed from another. */
export function newPhotoKey(scope: VillageScope, purpose: PhotoPurpose, contentType: PhotoContentType) {
  return `${prefixOf(scope, purpose)}${newId()}${newId()}.${extensions[contentType]}`;
}

const keyPattern = new RegExp(
  `^photos/[0-9a-z]{${ID_LENGTH}}/[0-9a-z]{${ID_LENGTH}}/(evidence|item)/[0-9a-z]{${2 * ID_LENGTH}}\\.(jpg|png|webp)$`,
);

/** The type a photo was uploaded as, read from its key; undefined for anything that is not a photo key. */
export function photoContentTypeOf(key: string): PhotoContentType | undefined {
  if (!keyPattern.test(key)) return undefined;
  const ext = key.slice(key.lastIndexOf('.') + 1);
  return (Object.keys(extensions) as PhotoContentType[]).find((t) => extensions[t] === ext);
}

export const isVillagePhoto = (key: string, scope: VillageScope, purpose: PhotoPurpose) =>
  keyPattern.test(key) && key.startsWith(prefixOf(scope, purpose));

/**
 * Photos named in a record or an item must be this village's, uploaded for that purpose:
 * otherwise one village could show (and keep alive) another village's pictures.
 * `photos` maps each request field (`evidence.0`, `photoKey`) to the key it names.
 */
export function assertVillagePhotos(
  photos: Record<string, string>,
  scope: VillageScope,
  purpose: PhotoPurpose,
): void {
  const fields: Record<string, string> = {};
  for (const [field, key] of Object.entries(photos)) {
    if (!isVillagePhoto(key, scope, purpose))
      fields[field] = '不是本村上传的图片 (not a photo uploaded for this village)';
  }
  if (Object.keys(fields).length > 0)
    throw new ValidationError('图片无效 (unknown photo)', fields, 'invalid_photo');
}

/** Who may upload what: the people who record (or declare) points, and the people who keep the shelf. */
const uploaders: Record<PhotoPurpose, readonly Role[]> = {
  evidence: ['recorder', 'village_admin', 'villager'],
  item: ['store_clerk', 'village_admin'],
};

export function assertMayUpload(role: Role, purpose: PhotoPurpose): void {
  if (!uploaders[purpose].includes(role))
    throw new ForbiddenError('您的角色不能上传这类图片 (your role cannot upload this kind of photo)');
}
