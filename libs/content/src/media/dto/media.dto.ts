import { IsPublicUrl } from '@kalam/i18n';
import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import type { MediaEntity } from '../media.entity';

export class MediaTranslationInputDto {
  @ApiPropertyOptional({ example: 'Delegations at the opening session' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  caption?: string;

  @ApiPropertyOptional({ example: 'Two delegations seated at a long table' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  alt?: string;
}

export class CreateExternalMediaDto {
  @ApiProperty({
    example: 'https://images.example.org/summit.jpg',
    description: 'A public http(s) URL: no user name or password, no loopback or private address. Stored as given, never fetched.',
  })
  @IsPublicUrl()
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ example: 'Photo: Press Office' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  credit?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: '#/components/schemas/MediaTranslationInputDto' } })
  @IsOptional()
  @IsObject()
  translations?: Record<string, MediaTranslationInputDto>;
}

/** Credit and captions; the image itself does not change (upload a new one instead). */
export class UpdateMediaDto extends PartialType(PickType(CreateExternalMediaDto, ['credit', 'translations'] as const)) {}

export class MediaResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['upload', 'external'] }) kind: string;
  @ApiProperty({ description: 'Where to fetch the image: the external URL, or the admin file endpoint for uploads.' }) url: string;
  @ApiProperty({ nullable: true, type: String }) mimeType: string | null;
  @ApiProperty({ nullable: true, type: Number }) sizeBytes: number | null;
  @ApiProperty({ nullable: true, type: Number }) width: number | null;
  @ApiProperty({ nullable: true, type: Number }) height: number | null;
  @ApiProperty({ nullable: true, type: String }) credit: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, description: 'The user who added it (authors may change only their own)' })
  createdBy: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', properties: { caption: { type: 'string' }, alt: { type: 'string' } } } })
  translations: Record<string, { caption: string | null; alt: string | null }>;

  static from(media: MediaEntity): MediaResponseDto {
    return {
      id: media.id,
      kind: media.kind,
      url: media.kind === 'external' ? media.externalUrl! : `/admin/v1/media/${media.id}/file`,
      mimeType: media.mimeType,
      sizeBytes: media.sizeBytes,
      width: media.width,
      height: media.height,
      credit: media.credit,
      version: media.version,
      createdBy: media.createdBy ?? null,
      translations: Object.fromEntries((media.translations ?? []).map((t) => [t.locale, { caption: t.caption, alt: t.altText }])),
    };
  }
}

/** What an upload must fit, so a client can refuse a file before sending megabytes the API would refuse. */
export class MediaLimitsDto {
  @ApiProperty({ description: 'The largest file accepted, in bytes (MEDIA_MAX_BYTES)', example: 10485760 }) maxBytes: number;
  @ApiProperty({ description: 'The accepted media types (the bytes are checked, not the name)', example: ['image/jpeg', 'image/png'] })
  types: string[];
  @ApiProperty({ description: 'The enabled locales the caller may caption a new upload in', type: [String] }) captionLocales: string[];
}

/** What the signed-in user may do with a media item, from the same rules the writes check (libs/auth). */
export class MediaPermissionsDto {
  @ApiProperty({ description: 'Change the credit' }) credit: boolean;
  @ApiProperty({ description: 'Delete the item' }) delete: boolean;
  @ApiProperty({ description: 'The enabled locales whose caption and alt text this user may write', type: [String] }) captionLocales: string[];
}

/** A media item as the media routes answer it: with what the caller may do with it. */
export class MediaItemDto extends MediaResponseDto {
  @ApiProperty({ type: MediaPermissionsDto }) may: MediaPermissionsDto;
}
