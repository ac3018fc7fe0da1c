import { TranslationSummaryDto } from '../articles/dto/article-response.dto';
import { AuthorTranslationResponseDto } from '../authors/dto/author.dto';
import { CreateExternalMediaDto, MediaTranslationInputDto } from '../media/dto/media.dto';
import { TagTranslationInputDto, TagTranslationResponseDto } from '../tags/dto/tag.dto';

/**
 * Schemas content's DTOs name by `$ref` (maps keyed by locale, which Swagger's decorators cannot
 * describe by type): an OpenAPI document using those DTOs must define them.
 */
export const CONTENT_REFERENCED_SCHEMAS = [
  TranslationSummaryDto,
  AuthorTranslationResponseDto,
  CreateExternalMediaDto,
  MediaTranslationInputDto,
  TagTranslationInputDto,
  TagTranslationResponseDto,
];
