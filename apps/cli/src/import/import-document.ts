import { Type, plainToInstance } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, MaxLength, ValidateNested, validateSync } from 'class-validator';
import matter from 'gray-matter';
import { CreateSourceDto } from '@kalam/content';
import { IsLocaleCode, IsSlug } from '@kalam/i18n';

export class ImportAuthor {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsOptional() @IsSlug() slug?: string;
  /** Per-locale {displayName?, title?, bio}. */
  @IsOptional() @IsObject() translations?: Record<string, { displayName?: string; title?: string; bio: string }>;
}

export class ImportHero {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) url: string;
  @IsOptional() @IsString() @MaxLength(300) credit?: string;
  @IsOptional() @IsString() @MaxLength(2000) caption?: string;
  @IsOptional() @IsString() @MaxLength(500) alt?: string;
}

export class TranslationOf {
  @IsLocaleCode() locale: string;
  @IsSlug() slug: string;
}

/** The front-matter of one Markdown file: one translation of one article. */
export class ImportDocument {
  @IsLocaleCode() locale: string;
  @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @IsOptional() @IsString() @MaxLength(300) subtitle?: string;
  @IsOptional() @IsSlug() slug?: string;
  @IsOptional() @IsString() @MaxLength(1000) summary?: string;
  @IsOptional() @IsIn(['draft']) status?: 'draft';
  @IsOptional() @ValidateNested() @Type(() => TranslationOf) translationOf?: TranslationOf;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ImportAuthor) authors?: ImportAuthor[];
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) tags?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => CreateSourceDto) sources?: CreateSourceDto[];
  @IsOptional() @ValidateNested() @Type(() => ImportHero) hero?: ImportHero;

  /** Filled from the file, not the front-matter. */
  body: string;
  file: string;
}

export class ImportFileError extends Error {}

/** Parses and validates one file; a problem names the file and the fields. */
export function parseImportFile(file: string, text: string): ImportDocument {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text);
  } catch (error) {
    throw new ImportFileError(`${file}: the front-matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  // YAML reads 2024-03-01 as a Date; sources want the ISO date text.
  const data: unknown = JSON.parse(
    JSON.stringify(parsed.data, (_key, value: unknown) =>
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(value) ? value.slice(0, 10) : value,
    ),
  );
  const document = plainToInstance(ImportDocument, data);
  const errors = validateSync(document, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const fields = (list: typeof errors, parent = ''): string[] =>
      list.flatMap((e) => [
        ...Object.keys(e.constraints ?? {}).map((c) => `${parent}${e.property} (${c})`),
        ...fields(e.children ?? [], `${parent}${e.property}.`),
      ]);
    throw new ImportFileError(`${file}: invalid front-matter: ${fields(errors).join(', ')}`);
  }
  document.body = parsed.content.trim() + '\n';
  document.file = file;
  if (!document.translationOf && !document.authors?.length)
    throw new ImportFileError(`${file}: a source text needs at least one author (or translationOf for a translation)`);
  return document;
}
